import { deleteGroup, getGroup, updateGroup } from "@/lib/subjects/groups";
import { first } from "@/app/_http/query";
import { nativeRoute, ok, written } from "../../_native/adapter";

/** `id` is a group id, external id or `group:<either>`, narrowed by `?organization=`. */
type P = { id: string };

export const GET = nativeRoute<P>(async ({ db, params, query }) => ok(await getGroup(db, params.id, { organization: first(query.organization) })));

export const PATCH = nativeRoute<P>(async ({ db, actor, params, body, query }) => {
  const { value, revision } = await updateGroup(db, actor, params.id, await body(), { organization: first(query.organization) });
  return written(value, revision);
}, { write: true });

export const DELETE = nativeRoute<P>(async ({ db, actor, params, query }) => {
  const { value, revision } = await deleteGroup(db, actor, params.id, { organization: first(query.organization) });
  return written({ id: value.id, deleted: true }, revision);
}, { write: true });
