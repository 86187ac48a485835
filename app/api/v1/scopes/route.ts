import { createScope, listScopes } from "@/lib/scopes/service";
import { list, nativeRoute, written } from "../_native/adapter";

export const POST = nativeRoute(async ({ db, actor, body }) => {
  const { value, revision } = await createScope(db, actor, await body());
  return written(value, revision, 201);
}, { write: true });

export const GET = nativeRoute(async ({ db }) => list(await listScopes(db)));
