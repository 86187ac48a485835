/**
 * Adding or removing one permission of a role, each in one write, so two
 * concurrent additions cannot lose each other (a read-modify-write of the
 * whole list through updateRole could).
 */
import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { rolePermissions, roles } from "@/db/schema";
import { notFound } from "@/lib/shared/errors";
import { write } from "@/lib/revisions/write";
import { resolvePermissionKeys } from "@/lib/permissions/service";
import { getRole } from "./service";

/** Adds a permission (key visible from the role's scope); adding one the role already has changes nothing. */
export async function addRolePermission(db: Database, actor: string, roleId: string, permissionKey: string, field = "permission") {
  return write(db, actor, async ({ tx, record }) => {
    const before = await getRole(tx, roleId);
    const [permission] = await resolvePermissionKeys(tx, [permissionKey], before.scopeId, field);
    const added = await tx.insert(rolePermissions).values({ roleId: before.id, permissionId: permission.id }).onConflictDoNothing().returning();
    if (!added.length) return before;
    await tx.update(roles).set({ updatedAt: new Date() }).where(eq(roles.id, before.id));
    const after = await getRole(tx, before.id);
    record({ operation: "update", entityType: "role", entityId: before.id, before, after });
    return after;
  });
}

/** Removes a permission the role has; one it does not have is not found. */
export async function removeRolePermission(db: Database, actor: string, roleId: string, permissionKey: string, field = "permission") {
  return write(db, actor, async ({ tx, record }) => {
    const before = await getRole(tx, roleId);
    const [permission] = await resolvePermissionKeys(tx, [permissionKey], before.scopeId, field);
    const removed = await tx
      .delete(rolePermissions)
      .where(and(eq(rolePermissions.roleId, before.id), eq(rolePermissions.permissionId, permission.id)))
      .returning();
    if (!removed.length) throw notFound(`permission of role '${before.slug}'`, permissionKey, field);
    await tx.update(roles).set({ updatedAt: new Date() }).where(eq(roles.id, before.id));
    const after = await getRole(tx, before.id);
    record({ operation: "update", entityType: "role", entityId: before.id, before, after });
    return after;
  });
}
