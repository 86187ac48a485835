import { createResource, listResources } from "@/lib/resources/service";
import { list, nativeRoute, written } from "../_native/adapter";

export const POST = nativeRoute(async ({ db, actor, body }) => {
  const { value, revision } = await createResource(db, actor, await body());
  return written(value, revision, 201);
}, { write: true });

/** `organization` is required; `parentId`, `type`, `search`, `limit` and `cursor` narrow and page. */
export const GET = nativeRoute(async ({ db, query }) => {
  const page = await listResources(db, query);
  return list(page.data, page.nextCursor);
});
