import { deletePermission, getPermission, updatePermission } from "@/lib/permissions/service";
import { first } from "@/app/_http/query";
import { nativeRoute, ok, written } from "../../_native/adapter";

/** `id` is a permission id or key (`document:read:*`). */
type P = { id: string };

export const GET = nativeRoute<P>(async ({ db, params, query }) => ok(await getPermission(db, params.id, first(query.scopeId))));

export const PATCH = nativeRoute<P>(async ({ db, actor, params, body }) => {
  const { value, revision } = await updatePermission(db, actor, params.id, await body());
  return written(value, revision);
}, { write: true });

export const DELETE = nativeRoute<P>(async ({ db, actor, params }) => {
  const { value, revision } = await deletePermission(db, actor, params.id);
  return written({ id: value.id, deleted: true }, revision);
}, { write: true });
