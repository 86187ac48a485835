import { createApiKey, listApiKeys } from "@/lib/api-keys/service";
import { list, nativeRoute, written } from "../_native/adapter";

/** The secret is in this answer only: Arbor keeps its hash. */
export const POST = nativeRoute(async ({ db, actor, body }) => {
  const { value, revision } = await createApiKey(db, actor, await body());
  return written({ ...value.key, secret: value.secret }, revision, 201);
}, { write: true, wholeEnvironment: true });

/** Every key, revoked ones included (with `revokedAt`), never a secret. */
export const GET = nativeRoute(async ({ db }) => list(await listApiKeys(db)), { wholeEnvironment: true });
