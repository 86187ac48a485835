import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database, Queryable } from "@/db/client";
import { resourceTypeHierarchy, resourceTypes } from "@/db/schema";
import { conflict, notFound, parseWith } from "@/lib/shared/errors";
import { newId } from "@/lib/shared/ids";
import { write } from "@/lib/revisions/write";
import { loadScopeTree, resolveScopeRef } from "@/lib/scopes/tree";
import { assertScopeWritable, defaultScopeId, tenantScopes } from "@/lib/tenancy/rules";
import { typeRuleSchema } from "./schemas";
import { getResourceType, resolveTypeRef } from "./service";

export type TypeRule = typeof resourceTypeHierarchy.$inferSelect & { parentTypeKey: string; childTypeKey: string };

const parentType = alias(resourceTypes, "parent_type");
const childType = alias(resourceTypes, "child_type");

function selectRules(db: Queryable) {
  return db
    .select({
      id: resourceTypeHierarchy.id,
      parentTypeId: resourceTypeHierarchy.parentTypeId,
      childTypeId: resourceTypeHierarchy.childTypeId,
      createdAt: resourceTypeHierarchy.createdAt,
      createdBy: resourceTypeHierarchy.createdBy,
      parentTypeKey: parentType.key,
      childTypeKey: childType.key,
    })
    .from(resourceTypeHierarchy)
    .innerJoin(parentType, eq(parentType.id, resourceTypeHierarchy.parentTypeId))
    .innerJoin(childType, eq(childType.id, resourceTypeHierarchy.childTypeId));
}

export async function createTypeRule(db: Database, actor: string, input: unknown) {
  const data = parseWith(typeRuleSchema, input);
  return write(db, actor, async ({ tx, record }) => {
    const tree = await loadScopeTree(tx);
    const parent = await resolveTypeRef(tx, data.parentTypeId, "parentTypeId", data.scopeId, tree);
    const child = await resolveTypeRef(tx, data.childTypeId, "childTypeId", data.scopeId, tree);
    // A rule constrains where every resource of the child type may sit, so it belongs to the child type's scope.
    assertScopeWritable(child.scopeId, "childTypeId");
    const [existing] = await tx
      .select({ id: resourceTypeHierarchy.id })
      .from(resourceTypeHierarchy)
      .where(and(eq(resourceTypeHierarchy.parentTypeId, parent.id), eq(resourceTypeHierarchy.childTypeId, child.id)));
    if (existing) throw conflict(`'${child.key}' may already be placed under '${parent.key}' (rule ${existing.id})`, "childTypeId");
    const [row] = await tx
      .insert(resourceTypeHierarchy)
      .values({ id: newId("typeRule"), parentTypeId: parent.id, childTypeId: child.id, createdBy: actor })
      .returning();
    const rule: TypeRule = { ...row, parentTypeKey: parent.key, childTypeKey: child.key };
    record({ operation: "create", entityType: "type_rule", entityId: row.id, after: rule });
    return rule;
  });
}

/** Rules between types visible from a scope. */
export async function listTypeRules(db: Queryable, scopeRef = defaultScopeId()): Promise<TypeRule[]> {
  const tree = await loadScopeTree(db);
  const chain = tree.chain(resolveScopeRef(tree, scopeRef));
  return selectRules(db)
    .where(and(inArray(parentType.scopeId, chain), inArray(childType.scopeId, chain)))
    .orderBy(asc(parentType.key), asc(childType.key));
}

/** Remove a rule by its id, or by its (parent, child) pair. */
export async function deleteTypeRule(db: Database, actor: string, ref: { id?: string; parentTypeId?: string; childTypeId?: string; scopeId?: string }) {
  return write(db, actor, async ({ tx, record }) => {
    let rule: TypeRule | undefined;
    if (ref.id) {
      // A rule between types a tenant cannot see does not exist for it.
      [rule] = await selectRules(tx).where(and(eq(resourceTypeHierarchy.id, ref.id), tenantScopes(parentType.scopeId), tenantScopes(childType.scopeId)));
      if (!rule) throw notFound("hierarchy rule", ref.id, "id");
    } else {
      const data = parseWith(typeRuleSchema, { parentTypeId: ref.parentTypeId, childTypeId: ref.childTypeId, scopeId: ref.scopeId });
      const parent = await resolveTypeRef(tx, data.parentTypeId, "parentTypeId", data.scopeId);
      const child = await resolveTypeRef(tx, data.childTypeId, "childTypeId", data.scopeId);
      [rule] = await selectRules(tx).where(
        and(eq(resourceTypeHierarchy.parentTypeId, parent.id), eq(resourceTypeHierarchy.childTypeId, child.id)),
      );
      if (!rule) throw notFound("hierarchy rule", `${parent.key} → ${child.key}`, "childTypeId");
    }
    assertScopeWritable((await getResourceType(tx, rule.childTypeId)).scopeId, "childTypeId");
    await tx.delete(resourceTypeHierarchy).where(eq(resourceTypeHierarchy.id, rule.id));
    record({ operation: "delete", entityType: "type_rule", entityId: rule.id, before: rule });
    return rule;
  });
}

/**
 * When a child type has rules, its resources may only sit under a parent of an
 * allowed type. Types without rules may sit anywhere.
 */
export async function allowedParentTypeIds(db: Queryable, childTypeId: string): Promise<string[] | null> {
  const rows = await db
    .select({ parentTypeId: resourceTypeHierarchy.parentTypeId })
    .from(resourceTypeHierarchy)
    .where(eq(resourceTypeHierarchy.childTypeId, childTypeId));
  return rows.length ? rows.map((r) => r.parentTypeId) : null;
}

