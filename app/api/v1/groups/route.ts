import { createGroup, listGroups } from "@/lib/subjects/groups";
import { list, nativeRoute, written } from "../_native/adapter";

export const POST = nativeRoute(async ({ db, actor, body }) => {
  const { value, revision } = await createGroup(db, actor, await body());
  return written(value, revision, 201);
}, { write: true });

/** `organization` narrows to one organization's groups; `search` matches name or external id. */
export const GET = nativeRoute(async ({ db, query }) => {
  const page = await listGroups(db, query);
  return list(page.data, page.nextCursor);
});
