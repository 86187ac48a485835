import { createMembership, listMemberships } from "@/lib/subjects/memberships";
import { list, nativeRoute, written } from "../_native/adapter";

export const POST = nativeRoute(async ({ db, actor, body }) => {
  const { value, revision } = await createMembership(db, actor, await body());
  return written(value, revision, 201);
}, { write: true });

/** Filter by `organization` and/or `user`. */
export const GET = nativeRoute(async ({ db, query }) => {
  const page = await listMemberships(db, query);
  return list(page.data, page.nextCursor);
});
