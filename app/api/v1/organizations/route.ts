import { createOrganization, listOrganizations } from "@/lib/organizations/service";
import { list, nativeRoute, written } from "../_native/adapter";

export const POST = nativeRoute(async ({ db, actor, body }) => {
  const { value, revision } = await createOrganization(db, actor, await body());
  return written(value, revision, 201);
}, { write: true });

export const GET = nativeRoute(async ({ db, query }) => {
  const page = await listOrganizations(db, query);
  return list(page.data, page.nextCursor);
});
