import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { permissions, rolePermissions, roles } from "@/db/schema";
import { conflict, invalid, notFound, parseWith } from "@/lib/shared/errors";
import { newId } from "@/lib/shared/ids";
import { write, type WriteContext } from "@/lib/revisions/write";
import { collisionScopes, loadScopeTree, resolveScopeRef, type ScopeTree } from "@/lib/scopes/tree";
import { assertScopeWritable, defaultScopeId, seesScope } from "@/lib/tenancy/rules";
import { resolveTypeRef } from "@/lib/resource-types/service";
import {
  canonicalPermissionKey,
  createPermissionSchema,
  createPermissionsBatchSchema,
  parsePermissionKey,
  updatePermissionSchema,
  type CreatePermissionInput,
} from "./schemas";

export type Permission = typeof permissions.$inferSelect;
export type PermissionView = Permission & { inherited: boolean; definedInScopeId: string };

async function insertPermission(w: WriteContext, tree: ScopeTree, input: CreatePermissionInput, prefix = "") {
  const data = parseWith(createPermissionSchema, input, prefix || undefined);
  const at = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const scopeId = resolveScopeRef(tree, data.scopeId ?? defaultScopeId(), at("scopeId"));
  assertScopeWritable(scopeId, at("scopeId"));
  await resolveTypeRef(w.tx, data.resourceType, at("resourceType"), scopeId, tree);
  const parts = { resourceType: data.resourceType, action: data.action, resourcePattern: data.resourcePattern };
  if (data.key !== undefined) {
    const fromKey = parsePermissionKey(data.key);
    if (!fromKey || canonicalPermissionKey(fromKey) !== canonicalPermissionKey(parts)) {
      throw invalid(at("key"), "matches_fields", `${at("key")}: '${data.key}' must be '${data.resourceType}:${data.action}:${data.resourcePattern}' (type:action:pattern of this permission)`);
    }
  }
  const key = data.key ?? `${data.resourceType}:${data.action}:${data.resourcePattern}`;
  const clash = await w.tx
    .select({ key: permissions.key, scopeId: permissions.scopeId })
    .from(permissions)
    .where(
      and(
        eq(permissions.resourceType, parts.resourceType),
        eq(permissions.action, parts.action),
        eq(permissions.resourcePattern, parts.resourcePattern),
        inArray(permissions.scopeId, collisionScopes(tree, scopeId)),
      ),
    );
  if (clash.length) throw conflict(`permission '${key}' is already defined in scope '${clash[0].scopeId}'`, at("key"));
  const [row] = await w.tx
    .insert(permissions)
    .values({ id: newId("permission"), scopeId, key, ...parts, label: data.label ?? null, description: data.description ?? null, createdBy: w.actor })
    .returning();
  w.record({ operation: "create", entityType: "permission", entityId: row.id, after: row });
  return row;
}

export async function createPermission(db: Database, actor: string, input: unknown) {
  return write(db, actor, async (w) => insertPermission(w, await loadScopeTree(w.tx), input as CreatePermissionInput));
}

export async function createPermissions(db: Database, actor: string, input: unknown) {
  const items = parseWith(createPermissionsBatchSchema, input);
  return write(db, actor, async (w) => {
    const tree = await loadScopeTree(w.tx);
    const out: Permission[] = [];
    for (const [i, item] of items.entries()) out.push(await insertPermission(w, tree, item, `[${i}]`));
    return out;
  });
}

export async function listPermissions(db: Queryable, scopeRef = defaultScopeId(), resourceType?: string): Promise<PermissionView[]> {
  const tree = await loadScopeTree(db);
  const scopeId = resolveScopeRef(tree, scopeRef);
  const rows = await db
    .select()
    .from(permissions)
    .where(and(inArray(permissions.scopeId, tree.chain(scopeId)), resourceType ? eq(permissions.resourceType, resourceType) : undefined))
    .orderBy(asc(permissions.resourceType), asc(permissions.action), asc(permissions.resourcePattern));
  return rows.map((r) => ({ ...r, inherited: r.scopeId !== scopeId, definedInScopeId: r.scopeId }));
}

/** By id, or by key (either key form) as seen from a scope. */
export async function getPermission(db: Queryable, ref: string, scopeRef = defaultScopeId(), field = "id"): Promise<Permission> {
  if (ref.startsWith("perm_")) {
    const [row] = await db.select().from(permissions).where(eq(permissions.id, ref));
    if (row && seesScope(row.scopeId)) return row;
  }
  const found = await resolvePermissionKeys(db, [ref], scopeRef, field);
  return found[0];
}

/** Resolves permission keys visible from a scope; an unknown key names its index. */
export async function resolvePermissionKeys(db: Queryable, keys: string[], scopeRef: string, field: string, tree?: ScopeTree): Promise<Permission[]> {
  if (!keys.length) return [];
  const t = tree ?? (await loadScopeTree(db));
  const chain = t.chain(resolveScopeRef(t, scopeRef));
  const visible = await db.select().from(permissions).where(inArray(permissions.scopeId, chain));
  const byCanonical = new Map(visible.map((p) => [canonicalPermissionKey(p), p]));
  return keys.map((key, i) => {
    const parts = parsePermissionKey(key);
    const match = byCanonical.get(parts ? canonicalPermissionKey(parts) : key) ?? visible.find((p) => p.key === key);
    if (!match) throw notFound("permission", key, keys.length > 1 || field.endsWith("s") ? `${field}[${i}]` : field);
    return match;
  });
}

export async function updatePermission(db: Database, actor: string, ref: string, input: unknown) {
  const data = parseWith(updatePermissionSchema, input);
  return write(db, actor, async ({ tx, record }) => {
    const before = await getPermission(tx, ref);
    assertScopeWritable(before.scopeId, "id");
    const [after] = await tx.update(permissions).set(data).where(eq(permissions.id, before.id)).returning();
    record({ operation: "update", entityType: "permission", entityId: before.id, before, after });
    return after;
  });
}

export async function deletePermission(db: Database, actor: string, ref: string) {
  return write(db, actor, async ({ tx, record }) => {
    const before = await getPermission(tx, ref);
    assertScopeWritable(before.scopeId, "id");
    const users = await tx
      .select({ slug: roles.slug })
      .from(rolePermissions)
      .innerJoin(roles, eq(roles.id, rolePermissions.roleId))
      .where(eq(rolePermissions.permissionId, before.id))
      .limit(5);
    if (users.length) {
      throw conflict(`permission '${before.key}' is still part of roles: ${users.map((u) => u.slug).join(", ")}`, "id", "in_use");
    }
    await tx.delete(permissions).where(eq(permissions.id, before.id));
    record({ operation: "delete", entityType: "permission", entityId: before.id, before });
    return before;
  });
}
