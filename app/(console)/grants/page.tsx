import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { OrgSwitcher } from "@/components/organizations/org-switcher";
import { NewGrantButton } from "@/components/grants/grant-buttons";
import { GrantTable, type GrantFilters } from "@/components/grants/grant-table";
import { listGrants } from "@/lib/grants/service";
import { resolveSubjectRef } from "@/lib/subjects/refs";
import { subjectLabels } from "@/lib/subjects/labels";
import { ArborError, type FieldIssue } from "@/lib/shared/errors";
import { pickOrganization, param, type SearchParams } from "../_lib/organizations";
import { toGrantViews } from "../_lib/grant-views";
import { loadFormOptions, loadOrganization } from "../resources/[org]/_lib/load";
import { NoOrganizations } from "../_lib/no-organizations";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Grants" };

const PAGE = 25;

export default async function GrantsPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const sp = await searchParams;
  const { organizations, current } = await pickOrganization(param(sp, "org"));
  const header = <PageHeader title="Grants" description="Who may do what, on which resources: roles or actions, on a resource and everything below it or on a pattern, allowed or denied, under conditions." />;
  if (!current) return <>{header}<NoOrganizations /></>;

  const { db, root } = await loadOrganization(current.id);
  const { roles } = await loadFormOptions(current.scopeId);
  const query = { subject: param(sp, "subject"), resource: param(sp, "resource"), role: param(sp, "role"), effect: param(sp, "effect") };
  let issues: FieldIssue[] = [];
  let page: Awaited<ReturnType<typeof listGrants>> = { data: [], nextCursor: null };
  try {
    page = await listGrants(db, { organization: current.id, ...query, cursor: param(sp, "cursor"), limit: PAGE });
  } catch (error) {
    if (!(error instanceof ArborError)) throw error;
    issues = error.issues.length ? error.issues : [{ field: "subject", rule: error.kind, message: error.message }];
  }
  const filters: GrantFilters = { resource: query.resource, role: query.role, effect: query.effect };
  if (query.subject && !issues.some((i) => i.field === "subject")) {
    const subject = await resolveSubjectRef(db, query.subject, { organization: current.id, field: "subject" });
    const label = (await subjectLabels(db, [subject])).get(`${subject.type}:${subject.id}`) ?? subject.id;
    filters.subject = { type: subject.type, id: subject.id, ref: subject.id, label, detail: null };
  }

  return (
    <>
      {header}
      <div className="org-bar">
        <OrgSwitcher organizations={organizations} currentId={current.id} mode="query" />
        <NewGrantButton organizationId={current.id} root={root} roles={roles} />
      </div>
      <section className="panel" aria-labelledby="grants-title">
        <h2 id="grants-title" className="visually-hidden">Grants of {current.name}</h2>
        <GrantTable organizationId={current.id} grants={await toGrantViews(db, page.data)} nextCursor={page.nextCursor} filters={filters} roles={roles.map((r) => r.slug)} issues={issues} />
      </section>
    </>
  );
}
