"use server";

import { createTypeRule, deleteTypeRule } from "@/lib/resource-types/hierarchy";
import { consoleAction } from "../../_lib/action";

const revalidate = "/types";

export async function createTypeRuleAction(input: unknown) {
  return consoleAction(async ({ db, actor }) => {
    const { value, revision } = await createTypeRule(db, actor, input);
    return { id: value.id, revision };
  }, { revalidate });
}

export async function deleteTypeRuleAction(id: string) {
  return consoleAction(async ({ db, actor }) => {
    const { revision } = await deleteTypeRule(db, actor, { id });
    return { revision };
  }, { revalidate });
}
