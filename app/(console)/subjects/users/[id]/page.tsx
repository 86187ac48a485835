import Link from "next/link";
import { getUser } from "@/lib/subjects/users";
import { listMemberships } from "@/lib/subjects/memberships";
import { groupsOfUser } from "@/lib/subjects/groups-of";
import { listGrants } from "@/lib/grants/service";
import { deleteUserAction } from "../../_actions/subjects";
import { EditUserButton } from "@/components/subjects/subject-forms";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { GrantList } from "@/components/grants/grant-list";
import { formatDate } from "@/components/ui/format";
import { loadOrganizations } from "../../../_lib/organizations";
import { toGrantViews } from "../../../_lib/grant-views";
import { orNotFound } from "../../../resources/[org]/_lib/load";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const dynamic = "force-dynamic";

/** A user: who they are, which organizations and groups they are in, and the grants given to them directly. */
export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { db } = await requireAdmin();
  const user = await orNotFound(getUser(db, decodeURIComponent((await params).id)));
  const [memberships, grants, organizations] = await Promise.all([listMemberships(db, { user: user.id, limit: 200 }), listGrants(db, { subject: user.id, limit: 200 }), loadOrganizations()]);
  const orgName = new Map(organizations.map((o) => [o.id, o.name]));
  const groups = (await Promise.all(memberships.data.map((m) => groupsOfUser(db, user.id, m.organizationId)))).flat();
  const uniqueGroups = [...new Map(groups.map((g) => [g.id, g])).values()];
  const name = user.name ?? user.email ?? user.externalId ?? user.id;
  return (
    <article aria-labelledby="user-title">
      <header className="panel-header">
        <div>
          <h2 id="user-title">{name}</h2>
          <p className="muted">{user.email}</p>
        </div>
        <div className="row-actions">
          <Link className="button" href={`/access?tab=reach&subject=${user.id}${memberships.data[0] ? `&org=${memberships.data[0].organizationId}` : ""}`}>
            What can this user reach?
          </Link>
          <EditUserButton user={user} />
          <ConfirmButton
            label="Delete"
            ariaLabel={`Delete user ${name}`}
            title={`Delete ${name}?`}
            body={<p>Deleting a user also revokes their grants and ends their memberships in organizations, groups and departments. This cannot be undone.</p>}
            action={deleteUserAction.bind(null, user.id)}
            then="/subjects/users"
          />
        </div>
      </header>
      <section className="panel" aria-labelledby="user-attrs">
        <h3 id="user-attrs">Attributes</h3>
        <dl className="attributes">
          <dt>Id</dt>
          <dd><code>{user.id}</code></dd>
          <dt>External id</dt>
          <dd>{user.externalId ? <code>{user.externalId}</code> : <span className="muted">—</span>}</dd>
          <dt>Created</dt>
          <dd>{formatDate(user.createdAt)}</dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="user-orgs">
        <h3 id="user-orgs">Organizations</h3>
        {memberships.data.length === 0 ? (
          <p className="muted small">Not a member of any organization.</p>
        ) : (
          <ul className="plain-list">
            {memberships.data.map((m) => (
              <li key={m.id}>
                <Link href={`/resources/${m.organizationId}`}>{orgName.get(m.organizationId) ?? m.organizationId}</Link> <span className="badge">{m.status}</span>
              </li>
            ))}
          </ul>
        )}
        <h3 className="subheading">Groups (direct)</h3>
        {uniqueGroups.length === 0 ? (
          <p className="muted small">In no group.</p>
        ) : (
          <ul className="plain-list">
            {uniqueGroups.map((g) => (
              <li key={g.id}>
                <Link href={`/subjects/groups/${g.id}`}>{g.name}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="user-grants">
        <h3 id="user-grants">Grants given to this user</h3>
        <p className="muted small">Grants through groups, departments and roles show in the access checker.</p>
        <GrantList grants={await toGrantViews(db, grants.data)} label="Grants of this user" empty="No grants given to this user directly." showTarget revocable />
      </section>
    </article>
  );
}
