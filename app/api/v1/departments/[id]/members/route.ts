import { addDepartmentMember, listDepartmentMembers, removeDepartmentMember } from "@/lib/subjects/departments";
import { first } from "@/app/_http/query";
import { list, nativeRoute, written } from "../../../_native/adapter";

type P = { id: string };

export const POST = nativeRoute<P>(async ({ db, actor, params, body, query }) => {
  const { value, revision } = await addDepartmentMember(db, actor, params.id, await body(), { organization: first(query.organization) });
  return written(value, revision, 201);
}, { write: true });

/** `includeSubDepartments=true` also lists the members of every department below it. */
export const GET = nativeRoute<P>(async ({ db, params, query }) => {
  const page = await listDepartmentMembers(db, params.id, query, { organization: first(query.organization) });
  return list(page.data, page.nextCursor);
});

/** The member comes in the body `{userId}` or as `?userId=`. */
export const DELETE = nativeRoute<P>(async ({ db, actor, params, body, query }) => {
  const input = (await body()) ?? { userId: first(query.userId) };
  const { value, revision } = await removeDepartmentMember(db, actor, params.id, input, { organization: first(query.organization) });
  return written({ ...value, deleted: true }, revision);
}, { write: true });
