import { createAccessKey, listAccessKeys } from "@/lib/access-keys/service";
import { list, nativeRoute, written } from "../_native/adapter";

/** GenAuth access keys, managed like API keys: the secret is in this answer only (Arbor keeps it sealed for verifying signatures). */
export const POST = nativeRoute(async ({ db, actor, body }) => {
  const { value, revision } = await createAccessKey(db, actor, await body());
  return written({ ...value.key, secret: value.secret }, revision, 201);
}, { write: true, wholeEnvironment: true });

/** Every access key, revoked ones included (with `revokedAt`), never a secret. */
export const GET = nativeRoute(async ({ db }) => list(await listAccessKeys(db)), { wholeEnvironment: true });
