import { createGrant, listGrants, revokeGrantByValue } from "@/lib/grants/service";
import { list, nativeRoute, written } from "../_native/adapter";

export const POST = nativeRoute(async ({ db, actor, body }) => {
  const { value, revision } = await createGrant(db, actor, await body());
  return written(value, revision, 201);
}, { write: true });

export const GET = nativeRoute(async ({ db, query }) => {
  const page = await listGrants(db, query);
  return list(page.data, page.nextCursor);
});

/** Revoke by value: the body describes the grant as it was created. */
export const DELETE = nativeRoute(async ({ db, actor, body }) => {
  const { value, revision } = await revokeGrantByValue(db, actor, await body());
  return written(value.map((g) => ({ id: g.id, deleted: true })), revision);
}, { write: true });
