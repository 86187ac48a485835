"use server";

import { createAdmin } from "@/lib/admins/service";
import { consoleAction } from "../../_lib/action";

export async function createAdminAction(input: unknown) {
  return consoleAction(async ({ db, actor }) => {
    const { value, revision } = await createAdmin(db, actor, input);
    return { id: value.id, email: value.email, revision };
  }, { revalidate: "/administrators" });
}
