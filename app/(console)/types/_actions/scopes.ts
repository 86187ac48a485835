"use server";

import { createScope } from "@/lib/scopes/service";
import { consoleAction } from "../../_lib/action";

export async function createScopeAction(input: unknown) {
  return consoleAction(async ({ db, actor }) => {
    const { value, revision } = await createScope(db, actor, input);
    return { id: value.id, revision };
  }, { revalidate: "/types" });
}
