import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database, Queryable, Transaction } from "@/db/client";
import { grants, permissions, roleIncludes, rolePermissions, roles } from "@/db/schema";
import { conflict, invalid, notFound, parseWith } from "@/lib/shared/errors";
import { newId } from "@/lib/shared/ids";
import { write } from "@/lib/revisions/write";
import { collisionScopes, loadScopeTree, resolveScopeRef, type ScopeTree } from "@/lib/scopes/tree";
import { assertScopeWritable, defaultScopeId, seesScope } from "@/lib/tenancy/rules";
import { resolveTypeRef } from "@/lib/resource-types/service";
import { resolvePermissionKeys } from "@/lib/permissions/service";
import { createRoleSchema, setRolePermissionsSchema, updateRoleSchema } from "./schemas";

type RoleRow = typeof roles.$inferSelect;
export type Role = RoleRow & { permissions: string[]; includes: string[] };
export type RoleView = Role & { inherited: boolean; definedInScopeId: string };

/** Attaches permission keys and included slugs to role rows, two queries for any number of roles. */
async function withLinks(db: Queryable, rows: RoleRow[]): Promise<Role[]> {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const perms = await db
    .select({ roleId: rolePermissions.roleId, key: permissions.key })
    .from(rolePermissions)
    .innerJoin(permissions, eq(permissions.id, rolePermissions.permissionId))
    .where(inArray(rolePermissions.roleId, ids))
    .orderBy(asc(permissions.key));
  const incl = await db
    .select({ roleId: roleIncludes.roleId, slug: roles.slug })
    .from(roleIncludes)
    .innerJoin(roles, eq(roles.id, roleIncludes.includedRoleId))
    .where(inArray(roleIncludes.roleId, ids))
    .orderBy(asc(roles.slug));
  return rows.map((r) => ({
    ...r,
    permissions: perms.filter((p) => p.roleId === r.id).map((p) => p.key),
    includes: incl.filter((i) => i.roleId === r.id).map((i) => i.slug),
  }));
}

/** By id, or by slug as seen from a scope (nearest definition wins). */
export async function findRole(db: Queryable, ref: string, scopeRef = defaultScopeId(), field = "slug", tree?: ScopeTree): Promise<RoleRow> {
  if (ref.startsWith("role_")) {
    const [row] = await db.select().from(roles).where(eq(roles.id, ref));
    if (row && seesScope(row.scopeId)) return row;
  }
  const t = tree ?? (await loadScopeTree(db));
  const chain = t.chain(resolveScopeRef(t, scopeRef));
  const rows = await db.select().from(roles).where(and(eq(roles.slug, ref), inArray(roles.scopeId, chain)));
  if (!rows.length) throw notFound("role", ref, field);
  return rows.sort((a, b) => chain.indexOf(a.scopeId) - chain.indexOf(b.scopeId))[0];
}

export async function getRole(db: Queryable, ref: string, scopeRef?: string): Promise<Role> {
  const [role] = await withLinks(db, [await findRole(db, ref, scopeRef, "slug")]);
  return role;
}

export async function listRoles(db: Queryable, scopeRef = defaultScopeId()): Promise<RoleView[]> {
  const tree = await loadScopeTree(db);
  const scopeId = resolveScopeRef(tree, scopeRef);
  const rows = await db.select().from(roles).where(inArray(roles.scopeId, tree.chain(scopeId))).orderBy(asc(roles.slug));
  return (await withLinks(db, rows)).map((r) => ({ ...r, inherited: r.scopeId !== scopeId, definedInScopeId: r.scopeId }));
}

async function resolveIncludes(tx: Transaction, tree: ScopeTree, slugs: string[], scopeId: string) {
  return Promise.all(slugs.map((slug, i) => findRole(tx, slug, scopeId, `includes[${i}]`, tree)));
}

/** Refuses an include graph with a cycle: follows includes from each new target back to the role. */
async function assertNoCycle(tx: Transaction, roleId: string, includedIds: string[]) {
  const edges = await tx.select().from(roleIncludes);
  const next = new Map<string, string[]>();
  for (const e of edges) if (e.roleId !== roleId) next.set(e.roleId, [...(next.get(e.roleId) ?? []), e.includedRoleId]);
  next.set(roleId, includedIds);
  const seen = new Set<string>();
  const stack = [...includedIds];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === roleId) throw invalid("includes", "acyclic", "includes: role inclusion would form a cycle");
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
}

async function setLinks(tx: Transaction, tree: ScopeTree, role: RoleRow, permissionKeys?: string[], includeSlugs?: string[]) {
  if (permissionKeys) {
    const perms = await resolvePermissionKeys(tx, permissionKeys, role.scopeId, "permissions", tree);
    await tx.delete(rolePermissions).where(eq(rolePermissions.roleId, role.id));
    const unique = [...new Set(perms.map((p) => p.id))];
    if (unique.length) await tx.insert(rolePermissions).values(unique.map((permissionId) => ({ roleId: role.id, permissionId })));
  }
  if (includeSlugs) {
    const included = await resolveIncludes(tx, tree, includeSlugs, role.scopeId);
    const ids = [...new Set(included.map((r) => r.id))];
    await assertNoCycle(tx, role.id, ids);
    await tx.delete(roleIncludes).where(eq(roleIncludes.roleId, role.id));
    if (ids.length) await tx.insert(roleIncludes).values(ids.map((includedRoleId) => ({ roleId: role.id, includedRoleId })));
  }
}

export async function createRole(db: Database, actor: string, input: unknown) {
  const data = parseWith(createRoleSchema, input);
  return write(db, actor, async ({ tx, record }) => {
    const tree = await loadScopeTree(tx);
    const scopeId = resolveScopeRef(tree, data.scopeId ?? defaultScopeId());
    assertScopeWritable(scopeId, "scopeId");
    if (data.resourceType) await resolveTypeRef(tx, data.resourceType, "resourceType", scopeId, tree);
    const clash = await tx
      .select({ scopeId: roles.scopeId })
      .from(roles)
      .where(and(eq(roles.slug, data.slug), inArray(roles.scopeId, collisionScopes(tree, scopeId))));
    if (clash.length) throw conflict(`role '${data.slug}' is already defined in scope '${clash[0].scopeId}'`, "slug");
    const [row] = await tx
      .insert(roles)
      .values({
        id: newId("role"),
        scopeId,
        slug: data.slug,
        name: data.name,
        description: data.description ?? null,
        resourceType: data.resourceType ?? null,
        createdBy: actor,
      })
      .returning();
    await setLinks(tx, tree, row, data.permissions, data.includes);
    const [role] = await withLinks(tx, [row]);
    record({ operation: "create", entityType: "role", entityId: row.id, after: role });
    return role;
  });
}

export async function updateRole(db: Database, actor: string, ref: string, input: unknown, scopeRef?: string) {
  const data = parseWith(updateRoleSchema, input);
  return write(db, actor, async ({ tx, record }) => {
    const tree = await loadScopeTree(tx);
    const row = await findRole(tx, ref, scopeRef, "slug", tree);
    assertScopeWritable(row.scopeId, "slug");
    const [before] = await withLinks(tx, [row]);
    const { permissions: keys, includes, ...fields } = data;
    const [updated] = Object.keys(fields).length
      ? await tx.update(roles).set({ ...fields, updatedAt: new Date() }).where(eq(roles.id, row.id)).returning()
      : [row];
    await setLinks(tx, tree, updated, keys, includes);
    const [after] = await withLinks(tx, [updated]);
    record({ operation: "update", entityType: "role", entityId: row.id, before, after });
    return after;
  });
}

export async function setRolePermissions(db: Database, actor: string, ref: string, input: unknown, scopeRef?: string) {
  const data = parseWith(setRolePermissionsSchema, input);
  return updateRole(db, actor, ref, { permissions: data.permissions }, scopeRef);
}

export async function deleteRole(db: Database, actor: string, ref: string, scopeRef?: string) {
  return write(db, actor, async ({ tx, record }) => {
    const row = await findRole(tx, ref, scopeRef, "slug");
    assertScopeWritable(row.scopeId, "slug");
    const [before] = await withLinks(tx, [row]);
    const [grant] = await tx.select({ id: grants.id }).from(grants).where(eq(grants.roleId, row.id)).limit(1);
    if (grant) throw conflict(`role '${row.slug}' is still granted (e.g. ${grant.id}); revoke its grants first`, "slug", "in_use");
    const includers = await tx
      .select({ slug: roles.slug })
      .from(roleIncludes)
      .innerJoin(roles, eq(roles.id, roleIncludes.roleId))
      .where(eq(roleIncludes.includedRoleId, row.id));
    if (includers.length) {
      throw conflict(`role '${row.slug}' is included by ${includers.map((r) => r.slug).join(", ")}`, "slug", "in_use");
    }
    await tx.delete(roles).where(eq(roles.id, row.id));
    record({ operation: "delete", entityType: "role", entityId: row.id, before });
    return before;
  });
}

