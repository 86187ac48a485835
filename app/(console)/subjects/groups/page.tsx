import Link from "next/link";
import { listGroups } from "@/lib/subjects/groups";
import { listEnvironmentGroups } from "@/lib/subjects/search";
import { OrgSwitcher } from "@/components/organizations/org-switcher";
import { NewGroupButton } from "@/components/subjects/subject-forms";
import { NoOrganizations } from "../../_lib/no-organizations";
import { param, pickOrganization, type SearchParams } from "../../_lib/organizations";
import { loadOrganization } from "../../resources/[org]/_lib/load";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const dynamic = "force-dynamic";

const LIMIT = 500;

type Row = { id: string; name: string; externalId: string; description: string | null; organizationId: string | null };

export default async function GroupsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const sp = await searchParams;
  const { organizations, current } = await pickOrganization(param(sp, "org"));
  if (!current) return <NoOrganizations />;
  const { db } = await loadOrganization(current.id);
  const [own, shared] = await Promise.all([listGroups(db, { organization: current.id, limit: LIMIT }), listEnvironmentGroups(db, LIMIT)]);
  const rows: Row[] = [...own.data, ...shared];
  return (
    <section className="panel" aria-labelledby="groups-title">
      <div className="panel-header">
        <div>
          <h2 id="groups-title">Groups of {current.name}</h2>
          <p>Teams of users and other groups; a grant to a group reaches everyone inside it, however deep.</p>
        </div>
        <NewGroupButton organizationId={current.id} />
      </div>
      <OrgSwitcher organizations={organizations} currentId={current.id} mode="query" />
      <div className="table-scroll">
        <table className="table" aria-label="Groups">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">External id</th>
              <th scope="col">Belongs to</th>
              <th scope="col">Description</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((g) => (
              <tr key={g.id}>
                <td><Link href={`/subjects/groups/${g.id}`}>{g.name}</Link></td>
                <td><code>{g.externalId}</code></td>
                <td>{g.organizationId ? current.name : <span className="badge">environment-wide</span>}</td>
                <td className="muted">{g.description}</td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={4} className="empty">No groups yet.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
