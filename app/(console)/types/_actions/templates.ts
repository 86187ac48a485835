"use server";

import { applyTemplate } from "@/lib/templates/apply";
import { consoleAction } from "../../_lib/action";

export async function applyTemplateAction(name: string, scopeId: string) {
  return consoleAction(async ({ db, actor }) => {
    const { value, revision } = await applyTemplate(db, actor, name, { scopeId });
    return { created: value.created, revision };
  }, { revalidate: "/types" });
}
