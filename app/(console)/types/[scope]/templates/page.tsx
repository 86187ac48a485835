import { listResourceTypes } from "@/lib/resource-types/service";
import { TEMPLATES } from "@/lib/templates/catalog";
import { TemplateCard } from "@/components/type-manager/templates/template-card";
import { loadScope, type ScopeParams } from "../_lib/load-scope";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const dynamic = "force-dynamic";

export default async function TemplatesPage({ params }: ScopeParams) {
  await requireAdmin();
  const { db, scope } = await loadScope((await params).scope);
  const visibleKeys = (await listResourceTypes(db, scope.id)).map((t) => t.key);
  return (
    <section aria-labelledby="templates-title">
      <div className="panel-header">
        <div>
          <h2 id="templates-title">Starter templates</h2>
          <p className="muted">
            Common patterns, each with its types, hierarchy rules and create/read/update/delete permissions. Applying one to {scope.name} adds only what
            the scope does not already see.
          </p>
        </div>
      </div>
      <div className="template-grid">
        {TEMPLATES.map((template) => (
          <TemplateCard key={template.name} template={template} scopeId={scope.id} scopeName={scope.name} visibleKeys={visibleKeys} />
        ))}
      </div>
    </section>
  );
}
