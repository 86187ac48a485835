import { deleteDepartment, getDepartment, updateDepartment } from "@/lib/subjects/departments";
import { first } from "@/app/_http/query";
import { nativeRoute, ok, written } from "../../_native/adapter";

/** `id` is a department id, external id or `department:<either>`, narrowed by `?organization=`. */
type P = { id: string };

export const GET = nativeRoute<P>(async ({ db, params, query }) => ok(await getDepartment(db, params.id, { organization: first(query.organization) })));

export const PATCH = nativeRoute<P>(async ({ db, actor, params, body, query }) => {
  const { value, revision } = await updateDepartment(db, actor, params.id, await body(), { organization: first(query.organization) });
  return written(value, revision);
}, { write: true });

export const DELETE = nativeRoute<P>(async ({ db, actor, params, query }) => {
  const { value, revision } = await deleteDepartment(db, actor, params.id, { organization: first(query.organization), cascade: first(query.cascade) });
  return written({ id: value.id, deleted: true, removed: value.removed }, revision);
}, { write: true });
