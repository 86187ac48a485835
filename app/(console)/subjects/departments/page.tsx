import Link from "next/link";
import { OrgSwitcher } from "@/components/organizations/org-switcher";
import { NewDepartmentButton } from "@/components/subjects/subject-forms";
import { NoOrganizations } from "../../_lib/no-organizations";
import { param, pickOrganization, type SearchParams } from "../../_lib/organizations";
import { loadDepartments, MAX_DEPARTMENTS } from "./_lib/load";
import type { DepartmentNode } from "./_lib/tree";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const dynamic = "force-dynamic";

export default async function DepartmentsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const { organizations, current } = await pickOrganization(param(await searchParams, "org"));
  if (!current) return <NoOrganizations />;
  const { roots, flat, truncated } = await loadDepartments(current.id);
  return (
    <section className="panel" aria-labelledby="departments-title">
      <div className="panel-header">
        <div>
          <h2 id="departments-title">Departments of {current.name}</h2>
          <p>A tree: a member of a department counts as a member of every department above it.</p>
        </div>
        <NewDepartmentButton organizationId={current.id} departments={flat.map((d) => ({ id: d.id, name: d.name, depth: d.depth }))} />
      </div>
      <OrgSwitcher organizations={organizations} currentId={current.id} mode="query" />
      {roots.length === 0 ? <p className="muted">No departments yet.</p> : <DepartmentList nodes={roots} top />}
      {truncated && <p className="muted small">Showing the first {MAX_DEPARTMENTS} departments.</p>}
    </section>
  );
}

function DepartmentList({ nodes, top = false }: { nodes: DepartmentNode[]; top?: boolean }) {
  return (
    <ul className={top ? "member-tree department-tree" : undefined} aria-label={top ? "Department tree" : undefined}>
      {nodes.map((d) => (
        <li key={d.id}>
          <Link href={`/subjects/departments/${d.id}`}>{d.name}</Link> <code className="small muted">{d.externalId}</code>
          {d.children.length > 0 && <DepartmentList nodes={d.children} />}
        </li>
      ))}
    </ul>
  );
}
