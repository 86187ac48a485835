import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { OrgSwitcher } from "@/components/organizations/org-switcher";
import { AccessForm, type AccessTab } from "@/components/access/access-form";
import type { TreeNode } from "@/components/resources/tree/tree-types";
import { explain, type Explanation } from "@/lib/access/check";
import { lookupResources, lookupSubjects, type LookupResource, type LookupSubject } from "@/lib/access/lookup";
import { getResource } from "@/lib/resources/service";
import { childCounts } from "@/lib/resources/tree";
import { resolveSubjectRef } from "@/lib/subjects/refs";
import { subjectLabels } from "@/lib/subjects/labels";
import { listPermissions } from "@/lib/permissions/service";
import type { SubjectHit } from "@/lib/subjects/search";
import { ArborError, type FieldIssue } from "@/lib/shared/errors";
import { NoOrganizations } from "../_lib/no-organizations";
import { param, pickOrganization, type SearchParams } from "../_lib/organizations";
import { loadFormOptions, loadOrganization, toTreeNode } from "../resources/[org]/_lib/load";
import { ExplanationView } from "./_lib/explanation";
import { ReachTable, WhoTable } from "./_lib/lookup-tables";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Access checker" };

const TABS: { tab: AccessTab; label: string }[] = [
  { tab: "check", label: "Check and explain" },
  { tab: "reach", label: "What can this subject reach" },
  { tab: "who", label: "Who can act here" },
];
const LOOKUP_LIMIT = 100;

/** Domain refusals become field issues shown in the form; anything else is a real failure. */
async function attempt<T>(fn: () => Promise<T>): Promise<{ value?: T; issues: FieldIssue[] }> {
  try {
    return { value: await fn(), issues: [] };
  } catch (error) {
    if (!(error instanceof ArborError)) throw error;
    return { issues: error.issues.length ? error.issues : [{ field: "action", rule: error.kind, message: error.message }] };
  }
}

export default async function AccessPage({ searchParams }: { searchParams: SearchParams }) {
  await requireAdmin();
  const sp = await searchParams;
  const { organizations, current } = await pickOrganization(param(sp, "org"));
  const header = (
    <PageHeader
      title="Access checker"
      description="Ask what the engine decides — and why: the grants that decide, and the path from each down to the resource. Or ask what a subject can reach, and who can act on a resource."
    />
  );
  if (!current) return <>{header}<NoOrganizations /></>;

  const tab: AccessTab = (["check", "reach", "who"] as const).find((t) => t === param(sp, "tab")) ?? "check";
  const { db, root } = await loadOrganization(current.id);
  const [{ types }, permissions] = await Promise.all([loadFormOptions(current.scopeId), listPermissions(db, current.scopeId)]);
  const q = { subject: param(sp, "subject"), action: param(sp, "action"), resource: param(sp, "resource"), context: param(sp, "context"), type: param(sp, "type") };

  // What the address bar names, shown back in the form by name.
  const initial: { subject?: SubjectHit; resource?: TreeNode; action?: string; context?: string; type?: string } = { action: q.action, context: q.context, type: q.type };
  const issues: FieldIssue[] = [];
  if (q.subject && tab !== "who") {
    const found = await attempt(() => resolveSubjectRef(db, q.subject!, { organization: current.id, field: "subject" }));
    issues.push(...found.issues);
    if (found.value) {
      const label = (await subjectLabels(db, [found.value])).get(`${found.value.type}:${found.value.id}`) ?? found.value.id;
      initial.subject = { type: found.value.type, id: found.value.id, ref: found.value.id, label, detail: null };
    }
  }
  if (q.resource && tab !== "reach") {
    const found = await attempt(() => getResource(db, q.resource!, { organization: current.id }));
    issues.push(...found.issues);
    if (found.value) initial.resource = toTreeNode(found.value, (await childCounts(db, [found.value.id])).get(found.value.id) ?? 0);
  }

  let explanation: Explanation | undefined;
  let reach: LookupResource[] | undefined;
  let who: LookupSubject[] | undefined;
  let more = false;
  if (!issues.length) {
    if (tab === "check" && q.subject && q.action && q.resource) {
      let context: unknown;
      try {
        context = q.context ? JSON.parse(q.context) : undefined;
      } catch {
        issues.push({ field: "context", rule: "json", message: "context: not valid JSON" });
      }
      if (!issues.length) {
        const result = await attempt(() => explain(db, { subject: q.subject, action: q.action, resource: q.resource, organization: current.id, context }));
        explanation = result.value;
        issues.push(...result.issues);
      }
    }
    if (tab === "reach" && q.subject && q.action) {
      const result = await attempt(() => lookupResources(db, { subject: q.subject, action: q.action, organization: current.id, resourceType: q.type, limit: LOOKUP_LIMIT }));
      reach = result.value?.data;
      more = !!result.value?.nextCursor;
      issues.push(...result.issues);
    }
    if (tab === "who" && q.resource) {
      const result = await attempt(() => lookupSubjects(db, { resource: q.resource!, action: q.action, organization: current.id, includeActions: true, limit: LOOKUP_LIMIT }));
      who = result.value?.data;
      more = !!result.value?.nextCursor;
      issues.push(...result.issues);
    }
  }

  const actions = [...new Set(permissions.map((p) => p.action))].sort();
  return (
    <>
      {header}
      <div className="org-bar">
        <OrgSwitcher organizations={organizations} currentId={current.id} mode="query" />
      </div>
      <nav className="tabs" aria-label="Questions">
        {TABS.map((t) => (
          <Link key={t.tab} className="tab" href={`/access?org=${current.id}&tab=${t.tab}`} aria-current={t.tab === tab ? "page" : undefined}>
            {t.label}
          </Link>
        ))}
      </nav>
      <div className="access-layout">
        <section className="panel" aria-label="Question">
          <AccessForm key={tab} tab={tab} organizationId={current.id} root={root} initial={initial} issues={issues} actions={actions} types={types.map((t) => t.key)} />
        </section>
        <div>
          {explanation && q.action && <ExplanationView db={db} explanation={explanation} action={q.action} />}
          {reach && <ReachTable resources={reach} more={more} organizationId={current.id} />}
          {who && <WhoTable users={who} more={more} />}
          {!explanation && !reach && !who && (
            <section className="panel">
              <p className="muted">{issues.length ? "Fix the question to see an answer." : "Ask a question to see the answer here."}</p>
            </section>
          )}
        </div>
      </div>
    </>
  );
}
