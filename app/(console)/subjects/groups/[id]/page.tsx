import Link from "next/link";
import type { Queryable } from "@/db/client";
import { getGroup, listGroupMembers, type GroupMember } from "@/lib/subjects/groups";
import { listGrants } from "@/lib/grants/service";
import { AddGroupMemberButton } from "@/components/subjects/subject-forms";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { GrantList } from "@/components/grants/grant-list";
import { deleteGroupAction, removeGroupMemberAction } from "../../_actions/subjects";
import { loadOrganizations } from "../../../_lib/organizations";
import { toGrantViews } from "../../../_lib/grant-views";
import { orNotFound } from "../../../resources/[org]/_lib/load";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const dynamic = "force-dynamic";

/** Nested groups are shown this deep; deeper ones open on their own page. */
const MAX_NESTING = 4;
const MEMBERS = 200;

type Nested = GroupMember & { members?: Nested[] };

/** Members with the members of nested groups below them (membership never forms a cycle, so this ends). */
async function nestedMembers(db: Queryable, groupId: string, depth: number): Promise<Nested[]> {
  const { data } = await listGroupMembers(db, groupId, { limit: MEMBERS });
  return Promise.all(data.map(async (m) => (m.type === "group" && depth < MAX_NESTING ? { ...m, members: await nestedMembers(db, m.id, depth + 1) } : m)));
}

export default async function GroupPage({ params }: { params: Promise<{ id: string }> }) {
  const { db } = await requireAdmin();
  const group = await orNotFound(getGroup(db, decodeURIComponent((await params).id)));
  const [members, grants, organizations] = await Promise.all([nestedMembers(db, group.id, 1), listGrants(db, { subject: group.id, limit: 200 }), loadOrganizations()]);
  const org = organizations.find((o) => o.id === group.organizationId);
  const pickerOrg = org?.id ?? organizations[0]?.id;
  return (
    <article aria-labelledby="group-title">
      <header className="panel-header">
        <div>
          <h2 id="group-title">{group.name}</h2>
          <p className="muted">
            <code>{group.externalId}</code> · {org ? <Link href={`/subjects/groups?org=${org.id}`}>{org.name}</Link> : "environment-wide"}
            {group.description ? ` · ${group.description}` : ""}
          </p>
        </div>
        <div className="row-actions">
          {pickerOrg && <AddGroupMemberButton organizationId={pickerOrg} groupId={group.id} />}
          <ConfirmButton
            label="Delete"
            ariaLabel={`Delete group ${group.name}`}
            title={`Delete ${group.name}?`}
            body={<p>Deleting a group removes its memberships (in both directions) and revokes the grants it holds. This cannot be undone.</p>}
            action={deleteGroupAction.bind(null, group.id)}
            then={org ? `/subjects/groups?org=${org.id}` : "/subjects/groups"}
          />
        </div>
      </header>
      <section className="panel" aria-labelledby="members-title">
        <h3 id="members-title">Members</h3>
        {members.length === 0 ? <p className="muted small">No members yet.</p> : <MemberTree members={members} groupId={group.id} top />}
      </section>
      <section className="panel" aria-labelledby="group-grants">
        <h3 id="group-grants">Grants to this group</h3>
        <GrantList grants={await toGrantViews(db, grants.data)} label="Grants of this group" empty="No grants given to this group." showTarget revocable />
      </section>
    </article>
  );
}

/** Direct members can be removed here; members of nested groups are changed on their group's page. */
function MemberTree({ members, groupId, top = false }: { members: Nested[]; groupId: string; top?: boolean }) {
  return (
    <ul className={top ? "member-tree" : undefined} data-testid={top ? "group-members" : undefined}>
      {members.map((m) => {
        const name = m.name ?? m.email ?? m.externalId ?? m.id;
        return (
          <li key={`${m.type}:${m.id}`}>
            <span className="subject-type">{m.type}</span>{" "}
            <Link href={m.type === "group" ? `/subjects/groups/${m.id}` : `/subjects/users/${m.id}`}>{name}</Link>
            {top && (
              <ConfirmButton
                label="Remove"
                ariaLabel={`Remove ${m.type} ${name} from the group`}
                title={`Remove ${name}?`}
                body={<p>{name} leaves this group{m.type === "group" ? ", and with it everyone inside it" : ""}.</p>}
                action={removeGroupMemberAction.bind(null, groupId, { type: m.type, id: m.id })}
              />
            )}
            {m.members && m.members.length > 0 && <MemberTree members={m.members} groupId={m.id} />}
          </li>
        );
      })}
    </ul>
  );
}
