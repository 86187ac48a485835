import { deleteUser, getUser, updateUser } from "@/lib/subjects/users";
import { nativeRoute, ok, written } from "../../_native/adapter";

/** `id` is a user id, external id or `user:<either>`. */
type P = { id: string };

export const GET = nativeRoute<P>(async ({ db, params }) => ok(await getUser(db, params.id)));

export const PATCH = nativeRoute<P>(async ({ db, actor, params, body }) => {
  const { value, revision } = await updateUser(db, actor, params.id, await body());
  return written(value, revision);
}, { write: true });

export const DELETE = nativeRoute<P>(async ({ db, actor, params }) => {
  const { value, revision } = await deleteUser(db, actor, params.id);
  return written({ id: value.id, deleted: true }, revision);
}, { write: true });
