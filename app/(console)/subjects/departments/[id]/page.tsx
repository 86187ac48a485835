import Link from "next/link";
import { getDepartment, listDepartmentMembers } from "@/lib/subjects/departments";
import { listGrants } from "@/lib/grants/service";
import { AddDepartmentMemberButton, MoveDepartmentButton, NewDepartmentButton } from "@/components/subjects/subject-forms";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { GrantList } from "@/components/grants/grant-list";
import { deleteDepartmentAction, removeDepartmentMemberAction } from "../../_actions/subjects";
import { param, type SearchParams } from "../../../_lib/organizations";
import { toGrantViews } from "../../../_lib/grant-views";
import { orNotFound } from "../../../resources/[org]/_lib/load";
import { loadDepartments } from "../_lib/load";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const dynamic = "force-dynamic";

const MEMBERS = 200;

export default async function DepartmentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { db } = await requireAdmin();
  const department = await orNotFound(getDepartment(db, decodeURIComponent((await params).id)));
  const all = param(await searchParams, "all") === "1";
  const [{ flat }, members, grants] = await Promise.all([
    loadDepartments(department.organizationId),
    listDepartmentMembers(db, department.id, { includeSubDepartments: all, limit: MEMBERS }),
    listGrants(db, { subject: department.id, limit: 200 }),
  ]);
  const byId = new Map(flat.map((d) => [d.id, d]));
  const path: { id: string; name: string }[] = [];
  for (let d = department.parentId ? byId.get(department.parentId) : undefined; d; d = d.parentId ? byId.get(d.parentId) : undefined) path.unshift(d);
  const subDepartments = byId.get(department.id)?.children ?? [];
  const options = flat.map((d) => ({ id: d.id, name: d.name, depth: d.depth }));
  const base = `/subjects/departments/${department.id}`;
  return (
    <article aria-labelledby="department-title">
      <nav aria-label="Path" className="breadcrumbs">
        <ol>
          <li>
            <Link href={`/subjects/departments?org=${department.organizationId}`}>Departments</Link>
          </li>
          {path.map((d) => (
            <li key={d.id}>
              <Link href={`/subjects/departments/${d.id}`}>{d.name}</Link>
            </li>
          ))}
          <li aria-current="page">{department.name}</li>
        </ol>
      </nav>
      <header className="panel-header">
        <div>
          <h2 id="department-title">{department.name}</h2>
          <p className="muted">
            <code>{department.externalId}</code>
            {department.description ? ` · ${department.description}` : ""}
          </p>
        </div>
        <div className="row-actions">
          <AddDepartmentMemberButton organizationId={department.organizationId} departmentId={department.id} />
          <NewDepartmentButton organizationId={department.organizationId} departments={options} parentId={department.id} label="New sub-department" />
          <MoveDepartmentButton department={department} departments={options} />
          <ConfirmButton
            label="Delete"
            ariaLabel={`Delete department ${department.name}`}
            title={`Delete ${department.name}?`}
            body={<p>Deleting a department also deletes its {subDepartments.length} sub-department(s), their memberships and the grants they hold. This cannot be undone.</p>}
            action={deleteDepartmentAction.bind(null, department.id)}
            then={`/subjects/departments?org=${department.organizationId}`}
          />
        </div>
      </header>
      {subDepartments.length > 0 && (
        <section className="panel" aria-labelledby="sub-title">
          <h3 id="sub-title">Sub-departments</h3>
          <ul className="plain-list">
            {subDepartments.map((d) => (
              <li key={d.id}>
                <Link href={`/subjects/departments/${d.id}`}>{d.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="panel" aria-labelledby="dmembers-title">
        <div className="panel-header">
          <h3 id="dmembers-title">Members</h3>
          <Link href={all ? base : `${base}?all=1`}>{all ? "Only direct members" : "Include sub-departments"}</Link>
        </div>
        {members.data.length === 0 ? (
          <p className="muted small">No members{all ? " here or below" : ""}.</p>
        ) : (
          <ul className="plain-list" data-testid="department-members">
            {members.data.map((u) => {
              const name = u.name ?? u.email ?? u.externalId ?? u.id;
              return (
                <li key={u.id}>
                  <Link href={`/subjects/users/${u.id}`}>{name}</Link> {!u.direct && <span className="badge">in a sub-department</span>}
                  {u.direct && (
                    <ConfirmButton label="Remove" ariaLabel={`Remove ${name} from ${department.name}`} title={`Remove ${name}?`} body={<p>{name} leaves {department.name}.</p>} action={removeDepartmentMemberAction.bind(null, department.id, { userId: u.id })} />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section className="panel" aria-labelledby="dept-grants">
        <h3 id="dept-grants">Grants to this department</h3>
        <GrantList grants={await toGrantViews(db, grants.data)} label="Grants of this department" empty="No grants given to this department." showTarget revocable />
      </section>
    </article>
  );
}
