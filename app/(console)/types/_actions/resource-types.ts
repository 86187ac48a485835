"use server";

import { createResourceType, deleteResourceType, updateResourceType } from "@/lib/resource-types/service";
import { consoleAction } from "../../_lib/action";

const revalidate = "/types";

export async function createResourceTypeAction(input: unknown) {
  return consoleAction(async ({ db, actor }) => {
    const { value, revision } = await createResourceType(db, actor, input);
    return { id: value.id, key: value.key, revision };
  }, { revalidate });
}

export async function updateResourceTypeAction(id: string, input: unknown) {
  return consoleAction(async ({ db, actor }) => {
    const { revision } = await updateResourceType(db, actor, id, input);
    return { revision };
  }, { revalidate });
}

export async function deleteResourceTypeAction(id: string) {
  return consoleAction(async ({ db, actor }) => {
    const { revision } = await deleteResourceType(db, actor, id);
    return { revision };
  }, { revalidate });
}
