import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/client";
import { permissions, resourceTypeHierarchy, resourceTypes } from "@/db/schema";
import { conflict, notFound, parseWith } from "@/lib/shared/errors";
import { newId } from "@/lib/shared/ids";
import { write } from "@/lib/revisions/write";
import { loadScopeTree, resolveScopeRef } from "@/lib/scopes/tree";
import { assertScopeWritable, defaultScopeId } from "@/lib/tenancy/rules";
import { findTemplate } from "./catalog";

export const applyTemplateSchema = z.object({ scopeId: z.string().min(1).max(100).optional().describe("default the root scope (a key restricted to an organization: its scope)") }).strict();

export type TemplateResult = { created: { types: number; rules: number; permissions: number }; typeIds: Record<string, string> };

/**
 * Idempotent: what the scope already sees (a type or permission with the same
 * key in its chain, a rule between the same types) is reused, never duplicated.
 */
export async function applyTemplate(db: Database, actor: string, name: string, input: unknown) {
  const template = findTemplate(name);
  if (!template) throw notFound("template", name, "name");
  const data = parseWith(applyTemplateSchema, input ?? {});
  return write(db, actor, async ({ tx, record }): Promise<TemplateResult> => {
    const tree = await loadScopeTree(tx);
    const scopeId = resolveScopeRef(tree, data.scopeId ?? defaultScopeId());
    assertScopeWritable(scopeId, "scopeId");
    const chain = tree.chain(scopeId);
    const created = { types: 0, rules: 0, permissions: 0 };
    const keys = template.types.map((t) => t.key);
    const existing = await tx.select().from(resourceTypes).where(and(inArray(resourceTypes.key, keys), inArray(resourceTypes.scopeId, tree.subtree(scopeId).concat(chain))));
    const typeIds: Record<string, string> = {};
    for (const t of template.types) {
      const seen = existing.find((e) => e.key === t.key && chain.includes(e.scopeId));
      if (seen) {
        typeIds[t.key] = seen.id;
        continue;
      }
      const below = existing.find((e) => e.key === t.key);
      if (below) throw conflict(`resource type key '${t.key}' is already defined in scope '${below.scopeId}' below '${scopeId}'`, "scopeId");
      const [row] = await tx.insert(resourceTypes).values({ id: newId("resourceType"), scopeId, key: t.key, name: t.name, createdBy: actor }).returning();
      record({ operation: "create", entityType: "resource_type", entityId: row.id, after: row });
      typeIds[t.key] = row.id;
      created.types++;
    }
    const rules = await tx.select().from(resourceTypeHierarchy).where(inArray(resourceTypeHierarchy.childTypeId, Object.values(typeIds)));
    for (const [parent, child] of template.hierarchy) {
      const parentTypeId = typeIds[parent];
      const childTypeId = typeIds[child];
      if (rules.some((r) => r.parentTypeId === parentTypeId && r.childTypeId === childTypeId)) continue;
      const [row] = await tx.insert(resourceTypeHierarchy).values({ id: newId("typeRule"), parentTypeId, childTypeId, createdBy: actor }).returning();
      record({ operation: "create", entityType: "type_rule", entityId: row.id, after: { ...row, parentTypeKey: parent, childTypeKey: child } });
      created.rules++;
    }
    const perms = await tx.select().from(permissions).where(and(inArray(permissions.resourceType, keys), inArray(permissions.scopeId, chain), eq(permissions.resourcePattern, "*")));
    for (const t of template.types) {
      for (const action of template.actions) {
        if (perms.some((p) => p.resourceType === t.key && p.action === action)) continue;
        const [row] = await tx
          .insert(permissions)
          .values({ id: newId("permission"), scopeId, key: `${t.key}:${action}:*`, action, resourceType: t.key, resourcePattern: "*", createdBy: actor })
          .returning();
        record({ operation: "create", entityType: "permission", entityId: row.id, after: row });
        created.permissions++;
      }
    }
    return { created, typeIds };
  });
}
