import { listResourceTypes } from "@/lib/resource-types/service";
import { NewResourceTypeButton } from "@/components/type-manager/resource-types/resource-type-forms";
import { ResourceTypeTable } from "@/components/type-manager/resource-types/resource-type-table";
import { loadScope, type ScopeParams } from "./_lib/load-scope";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const dynamic = "force-dynamic";

export default async function ResourceTypesPage({ params }: ScopeParams) {
  await requireAdmin();
  const { db, scope } = await loadScope((await params).scope);
  const types = await listResourceTypes(db, scope.id);
  return (
    <section className="panel" aria-labelledby="types-title">
      <div className="panel-header">
        <div>
          <h2 id="types-title">Resource types</h2>
          <p>The kinds of resources in {scope.name}, including those inherited from its ancestors.</p>
        </div>
        <NewResourceTypeButton scopeId={scope.id} scopeName={scope.name} />
      </div>
      <ResourceTypeTable types={types} />
    </section>
  );
}
