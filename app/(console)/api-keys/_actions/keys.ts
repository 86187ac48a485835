"use server";

import { createApiKey, revokeApiKey } from "@/lib/api-keys/service";
import { createAccessKey, revokeAccessKey } from "@/lib/access-keys/service";
import { consoleAction } from "../../_lib/action";

const revalidate = "/api-keys";

/** The only answer that carries the secret: Arbor keeps its hash. */
export async function createApiKeyAction(input: unknown) {
  return consoleAction(async ({ db, actor }) => {
    const { value } = await createApiKey(db, actor, input);
    return { name: value.key.name, secret: value.secret };
  }, { revalidate });
}

export async function revokeApiKeyAction(id: string) {
  return consoleAction(async ({ db, actor }) => ({ revision: (await revokeApiKey(db, actor, id)).revision }), { revalidate });
}

/** The only answer that carries the secret: Arbor keeps it sealed, for checking signatures. */
export async function createAccessKeyAction(input: unknown) {
  return consoleAction(async ({ db, actor }) => {
    const { value } = await createAccessKey(db, actor, input);
    return { name: value.key.name, accessKeyId: value.key.accessKeyId, secret: value.secret };
  }, { revalidate });
}

export async function revokeAccessKeyAction(id: string) {
  return consoleAction(async ({ db, actor }) => ({ revision: (await revokeAccessKey(db, actor, id)).revision }), { revalidate });
}
