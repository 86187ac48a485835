import Link from "next/link";
import { listMemberships } from "@/lib/subjects/memberships";
import { subjectLabels } from "@/lib/subjects/labels";
import { OrgSwitcher } from "@/components/organizations/org-switcher";
import { AddMembershipButton } from "@/components/subjects/subject-forms";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { formatDate } from "@/components/ui/format";
import { deleteMembershipAction } from "../_actions/subjects";
import { NoOrganizations } from "../../_lib/no-organizations";
import { param, pickOrganization, type SearchParams } from "../../_lib/organizations";
import { loadOrganization } from "../../resources/[org]/_lib/load";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const dynamic = "force-dynamic";

const LIMIT = 500;

export default async function MembershipsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const { organizations, current } = await pickOrganization(param(await searchParams, "org"));
  if (!current) return <NoOrganizations />;
  const { db } = await loadOrganization(current.id);
  const page = await listMemberships(db, { organization: current.id, limit: LIMIT });
  const labels = await subjectLabels(db, page.data.map((m) => ({ type: "user", id: m.userId })));
  return (
    <section className="panel" aria-labelledby="memberships-title">
      <div className="panel-header">
        <div>
          <h2 id="memberships-title">Members of {current.name}</h2>
          <p>Users who belong to the organization (WorkOS organization memberships).</p>
        </div>
        <AddMembershipButton organizationId={current.id} />
      </div>
      <OrgSwitcher organizations={organizations} currentId={current.id} mode="query" />
      <div className="table-scroll">
        <table className="table" aria-label="Memberships">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Status</th>
              <th scope="col">Since</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {page.data.map((m) => {
              const name = labels.get(`user:${m.userId}`) ?? m.userId;
              return (
                <tr key={m.id}>
                  <td><Link href={`/subjects/users/${m.userId}`}>{name}</Link></td>
                  <td><span className="badge">{m.status}</span></td>
                  <td className="nowrap">{formatDate(m.createdAt)}</td>
                  <td className="row-actions">
                    <ConfirmButton label="Remove" ariaLabel={`Remove ${name} from ${current.name}`} title={`Remove ${name}?`} body={<p>{name} stops being a member of {current.name}.</p>} action={deleteMembershipAction.bind(null, m.id)} />
                  </td>
                </tr>
              );
            })}
            {page.data.length === 0 && (
              <tr>
                <td colSpan={4} className="empty">No members yet.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {page.nextCursor && <p className="muted small">The first {LIMIT} members.</p>}
    </section>
  );
}
