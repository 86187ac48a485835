import { listTypeRules } from "@/lib/resource-types/hierarchy";
import { listResourceTypes } from "@/lib/resource-types/service";
import { HierarchyGraph } from "@/components/type-manager/hierarchy/hierarchy-graph";
import { NewRuleButton } from "@/components/type-manager/hierarchy/rule-form";
import { RuleTable } from "@/components/type-manager/hierarchy/rule-table";
import { loadScope, type ScopeParams } from "../_lib/load-scope";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const dynamic = "force-dynamic";

export default async function HierarchyPage({ params }: ScopeParams) {
  await requireAdmin();
  const { db, scope } = await loadScope((await params).scope);
  const [types, rules] = await Promise.all([listResourceTypes(db, scope.id), listTypeRules(db, scope.id)]);
  const ruled = new Set(rules.flatMap((r) => [r.parentTypeKey, r.childTypeKey]));
  const free = types.filter((t) => !ruled.has(t.key));
  return (
    <>
      <section className="panel" aria-labelledby="graph-title">
        <div className="panel-header">
          <div>
            <h2 id="graph-title">Type hierarchy</h2>
            <p>An arrow points from a type to the types it may contain. Dashed boxes are inherited from an ancestor scope.</p>
          </div>
          <NewRuleButton scopeId={scope.id} types={types.map(({ id, key, name }) => ({ id, key, name }))} />
        </div>
        <HierarchyGraph rules={rules} inheritedKeys={types.filter((t) => t.inherited).map((t) => t.key)} scopeName={scope.name} />
        {free.length > 0 && (
          <p className="muted small">
            Types in no rule, so they may be placed anywhere: {free.map((t) => t.key).join(", ")}
          </p>
        )}
      </section>
      <section className="panel" aria-labelledby="rules-title">
        <div className="panel-header">
          <h2 id="rules-title">Hierarchy rules</h2>
        </div>
        <RuleTable rules={rules} />
      </section>
    </>
  );
}
