import { and, asc, eq, gt } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { scopes } from "@/db/schema";
import { conflict, notFound, parseWith } from "@/lib/shared/errors";
import { newId } from "@/lib/shared/ids";
import { pageQuerySchema, toPage } from "@/lib/shared/paging";
import { write } from "@/lib/revisions/write";
import { createScopeSchema, ROOT_SCOPE_ID, updateScopeSchema } from "./schemas";
import { loadScopeTree, resolveScopeRef } from "./tree";
import { assertScopeWritable, requireWholeEnvironment, tenantScopes } from "@/lib/tenancy/rules";

export type Scope = typeof scopes.$inferSelect;

export async function createScope(db: Database, actor: string, input: unknown) {
  requireWholeEnvironment("creating a scope");
  const data = parseWith(createScopeSchema, input);
  return write(db, actor, async ({ tx, record }) => {
    const tree = await loadScopeTree(tx);
    const parentId = resolveScopeRef(tree, data.parentId ?? ROOT_SCOPE_ID, "parentId");
    const id = data.id ?? newId("scope");
    const key = data.key ?? (data.id ? data.id.replace(/^scope_/, "") : id);
    if (tree.parentOf.has(id)) throw conflict(`scope '${id}' already exists`, "id");
    if (tree.idByKey.has(key)) throw conflict(`scope key '${key}' is already used`, "key");
    const [row] = await tx
      .insert(scopes)
      .values({ id, key, name: data.name, description: data.description ?? null, parentId, createdBy: actor })
      .returning();
    record({ operation: "create", entityType: "scope", entityId: id, after: row });
    return row;
  });
}

export async function getScope(db: Queryable, ref: string): Promise<Scope> {
  const tree = await loadScopeTree(db);
  const id = resolveScopeRef(tree, ref, "scopeId");
  const [row] = await db.select().from(scopes).where(eq(scopes.id, id));
  return row;
}

export async function updateScope(db: Database, actor: string, ref: string, input: unknown) {
  const data = parseWith(updateScopeSchema, input);
  return write(db, actor, async ({ tx, record }) => {
    const before = await getScope(tx, ref);
    assertScopeWritable(before.id, "id");
    const [after] = await tx.update(scopes).set(data).where(eq(scopes.id, before.id)).returning();
    record({ operation: "update", entityType: "scope", entityId: before.id, before, after });
    return after;
  });
}

export async function listScopeChildren(db: Queryable, ref: string, query: unknown) {
  const page = parseWith(pageQuerySchema, query);
  const parent = await getScope(db, ref);
  const rows = await db
    .select()
    .from(scopes)
    .where(and(eq(scopes.parentId, parent.id), tenantScopes(scopes.id), page.cursor ? gt(scopes.id, page.cursor) : undefined))
    .orderBy(asc(scopes.id))
    .limit(page.limit + 1);
  return toPage(rows, page.limit, (r) => r.id);
}

export async function listScopes(db: Queryable): Promise<Scope[]> {
  return db.select().from(scopes).where(tenantScopes(scopes.id)).orderBy(asc(scopes.createdAt), asc(scopes.id));
}

export async function requireScope(db: Queryable, ref: string, field = "scopeId") {
  const tree = await loadScopeTree(db);
  const id = resolveScopeRef(tree, ref, field);
  if (!id) throw notFound("scope", ref, field);
  return { id, tree };
}
