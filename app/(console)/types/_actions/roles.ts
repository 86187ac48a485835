"use server";

import { createRole, deleteRole, setRolePermissions, updateRole } from "@/lib/roles/service";
import { consoleAction } from "../../_lib/action";

// Roles are addressed by id, so a slug defined in several scopes is never mistaken for another.
const revalidate = "/types";

export async function createRoleAction(input: unknown) {
  return consoleAction(async ({ db, actor }) => {
    const { value, revision } = await createRole(db, actor, input);
    return { id: value.id, slug: value.slug, revision };
  }, { revalidate });
}

export async function updateRoleAction(id: string, input: unknown) {
  return consoleAction(async ({ db, actor }) => {
    const { revision } = await updateRole(db, actor, id, input);
    return { revision };
  }, { revalidate });
}

export async function setRolePermissionsAction(id: string, permissionKeys: string[]) {
  return consoleAction(async ({ db, actor }) => {
    const { value, revision } = await setRolePermissions(db, actor, id, { permissions: permissionKeys });
    return { permissions: value.permissions, revision };
  }, { revalidate });
}

export async function deleteRoleAction(id: string) {
  return consoleAction(async ({ db, actor }) => {
    const { revision } = await deleteRole(db, actor, id);
    return { revision };
  }, { revalidate });
}
