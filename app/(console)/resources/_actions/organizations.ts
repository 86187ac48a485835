"use server";

import { createOrganization } from "@/lib/organizations/service";
import { seedDemo } from "@/lib/demo/seed";
import { consoleAction } from "../../_lib/action";

export async function createOrganizationAction(input: unknown) {
  return consoleAction(async ({ db, actor }) => {
    const { value, revision } = await createOrganization(db, actor, input);
    return { id: value.id, revision };
  }, { revalidate: "/" });
}

export async function loadDemoAction() {
  return consoleAction(({ db, actor }) => seedDemo(db, actor), { revalidate: "/" });
}
