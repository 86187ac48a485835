import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Database, Queryable, Transaction } from "@/db/client";
import { permissions, resources, resourceTypeHierarchy, resourceTypes, roles } from "@/db/schema";
import { conflict, invalid, notFound, parseWith } from "@/lib/shared/errors";
import { newId } from "@/lib/shared/ids";
import { write, type WriteContext } from "@/lib/revisions/write";
import { collisionScopes, loadScopeTree, resolveScopeRef, type ScopeTree } from "@/lib/scopes/tree";
import { assertScopeWritable, defaultScopeId, seesScope } from "@/lib/tenancy/rules";
import {
  createResourceTypeSchema,
  createResourceTypesBatchSchema,
  TYPE_KEY_RULE,
  updateResourceTypeSchema,
  type CreateResourceTypeInput,
} from "./schemas";

export type ResourceType = typeof resourceTypes.$inferSelect;
export type ResourceTypeView = ResourceType & { inherited: boolean; definedInScopeId: string };

async function insertType(w: WriteContext, tree: ScopeTree, input: CreateResourceTypeInput, field = "") {
  const data = parseWith(createResourceTypeSchema, input, field || undefined);
  const at = (name: string) => (field ? `${field}.${name}` : name);
  const scopeId = resolveScopeRef(tree, data.scopeId ?? defaultScopeId(), at("scopeId"));
  assertScopeWritable(scopeId, at("scopeId"));
  const clash = await w.tx
    .select({ id: resourceTypes.id, scopeId: resourceTypes.scopeId })
    .from(resourceTypes)
    .where(and(eq(resourceTypes.key, data.key), inArray(resourceTypes.scopeId, collisionScopes(tree, scopeId))));
  if (clash.length) {
    throw conflict(`resource type key '${data.key}' is already defined in scope '${clash[0].scopeId}', which shares definitions with '${scopeId}'`, at("key"));
  }
  const [row] = await w.tx
    .insert(resourceTypes)
    .values({ id: newId("resourceType"), scopeId, key: data.key, name: data.name, description: data.description ?? null, createdBy: w.actor })
    .returning();
  w.record({ operation: "create", entityType: "resource_type", entityId: row.id, after: row });
  return row;
}

export async function createResourceType(db: Database, actor: string, input: unknown) {
  return write(db, actor, async (w) => insertType(w, await loadScopeTree(w.tx), input as CreateResourceTypeInput));
}

/** All or nothing: the first bad item (named by its index) rolls back the whole batch. */
export async function createResourceTypes(db: Database, actor: string, input: unknown) {
  const items = parseWith(createResourceTypesBatchSchema, input);
  return write(db, actor, async (w) => {
    const tree = await loadScopeTree(w.tx);
    const out: ResourceType[] = [];
    for (const [i, item] of items.entries()) out.push(await insertType(w, tree, item, `[${i}]`));
    return out;
  });
}

/** Types visible from a scope: its own and those of its ancestors (marked inherited). */
export async function listResourceTypes(db: Queryable, scopeRef = defaultScopeId()): Promise<ResourceTypeView[]> {
  const tree = await loadScopeTree(db);
  const scopeId = resolveScopeRef(tree, scopeRef);
  const rows = await db.select().from(resourceTypes).where(inArray(resourceTypes.scopeId, tree.chain(scopeId))).orderBy(asc(resourceTypes.key));
  return rows.map((r) => ({ ...r, inherited: r.scopeId !== scopeId, definedInScopeId: r.scopeId }));
}

export async function getResourceType(db: Queryable, id: string): Promise<ResourceType> {
  const [row] = await db.select().from(resourceTypes).where(eq(resourceTypes.id, id));
  if (!row || !seesScope(row.scopeId)) throw notFound("resource type", id);
  return row;
}

/**
 * A type reference is an id (`rtype_…`) or a key. A key is resolved in the
 * given scope's chain; without a scope it must be unambiguous.
 */
export async function resolveTypeRef(db: Queryable, ref: string, field: string, scopeRef?: string, tree?: ScopeTree): Promise<ResourceType> {
  if (!TYPE_KEY_RULE.test(ref)) {
    const [row] = await db.select().from(resourceTypes).where(eq(resourceTypes.id, ref));
    if (!row || !seesScope(row.scopeId)) throw notFound("resource type", ref, field);
    return row;
  }
  const rows = (await db.select().from(resourceTypes).where(eq(resourceTypes.key, ref))).filter((r) => seesScope(r.scopeId));
  if (scopeRef) {
    const t = tree ?? (await loadScopeTree(db));
    const chain = t.chain(resolveScopeRef(t, scopeRef));
    const visible = rows.filter((r) => chain.includes(r.scopeId));
    if (!visible.length) throw notFound("resource type", ref, field);
    return visible.sort((a, b) => chain.indexOf(a.scopeId) - chain.indexOf(b.scopeId))[0];
  }
  if (!rows.length) throw notFound("resource type", ref, field);
  if (rows.length > 1) throw conflict(`resource type key '${ref}' is defined in several scopes; pass scopeId`, field, "ambiguous");
  return rows[0];
}

export async function updateResourceType(db: Database, actor: string, id: string, input: unknown) {
  const data = parseWith(updateResourceTypeSchema, input);
  return write(db, actor, async ({ tx, record }) => {
    const before = await getResourceType(tx, id);
    assertScopeWritable(before.scopeId, "id");
    const [after] = await tx.update(resourceTypes).set(data).where(eq(resourceTypes.id, id)).returning();
    record({ operation: "update", entityType: "resource_type", entityId: id, before, after });
    return after;
  });
}

/** What still uses a type; deletion is refused while anything does. */
async function typeUsage(tx: Transaction, type: ResourceType) {
  const tree = await loadScopeTree(tx);
  const seeing = tree.subtree(type.scopeId);
  const [resource] = await tx.select({ id: resources.id }).from(resources).where(eq(resources.resourceTypeId, type.id)).limit(1);
  const [rule] = await tx
    .select({ id: resourceTypeHierarchy.id })
    .from(resourceTypeHierarchy)
    .where(or(eq(resourceTypeHierarchy.parentTypeId, type.id), eq(resourceTypeHierarchy.childTypeId, type.id)))
    .limit(1);
  const [permission] = await tx
    .select({ key: permissions.key })
    .from(permissions)
    .where(and(eq(permissions.resourceType, type.key), inArray(permissions.scopeId, seeing)))
    .limit(1);
  const [role] = await tx
    .select({ slug: roles.slug })
    .from(roles)
    .where(and(eq(roles.resourceType, type.key), inArray(roles.scopeId, seeing)))
    .limit(1);
  const uses: string[] = [];
  if (resource) uses.push("resources");
  if (rule) uses.push("hierarchy rules");
  if (permission) uses.push(`permissions (e.g. '${permission.key}')`);
  if (role) uses.push(`roles (e.g. '${role.slug}')`);
  return uses;
}

export async function deleteResourceType(db: Database, actor: string, id: string) {
  return write(db, actor, async ({ tx, record }) => {
    const before = await getResourceType(tx, id);
    assertScopeWritable(before.scopeId, "id");
    const uses = await typeUsage(tx, before);
    if (uses.length) throw conflict(`resource type '${before.key}' is still used by ${uses.join(", ")}`, "id", "in_use");
    await tx.delete(resourceTypes).where(eq(resourceTypes.id, id));
    record({ operation: "delete", entityType: "resource_type", entityId: id, before });
    return before;
  });
}

export function assertTypeKey(key: string, field: string) {
  if (!TYPE_KEY_RULE.test(key)) throw invalid(field, "format:type_key", `${field}: '${key}' is not a valid resource type key`);
}
