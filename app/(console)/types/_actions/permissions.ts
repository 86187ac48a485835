"use server";

import { createPermission, deletePermission, updatePermission } from "@/lib/permissions/service";
import { consoleAction } from "../../_lib/action";

const revalidate = "/types";

export async function createPermissionAction(input: unknown) {
  return consoleAction(async ({ db, actor }) => {
    const { value, revision } = await createPermission(db, actor, input);
    return { id: value.id, key: value.key, revision };
  }, { revalidate });
}

export async function updatePermissionAction(id: string, input: unknown) {
  return consoleAction(async ({ db, actor }) => {
    const { revision } = await updatePermission(db, actor, id, input);
    return { revision };
  }, { revalidate });
}

export async function deletePermissionAction(id: string) {
  return consoleAction(async ({ db, actor }) => {
    const { revision } = await deletePermission(db, actor, id);
    return { revision };
  }, { revalidate });
}
