import { createDepartment, listDepartments } from "@/lib/subjects/departments";
import { list, nativeRoute, written } from "../_native/adapter";

export const POST = nativeRoute(async ({ db, actor, body }) => {
  const { value, revision } = await createDepartment(db, actor, await body());
  return written(value, revision, 201);
}, { write: true });

/** `organization` is required; `parentId` lists one department's children. */
export const GET = nativeRoute(async ({ db, query }) => {
  const page = await listDepartments(db, query);
  return list(page.data, page.nextCursor);
});
