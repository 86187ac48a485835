import { deleteResource, getResource, updateResource } from "@/lib/resources/service";
import { first } from "@/app/_http/query";
import { nativeRoute, ok, written } from "../../_native/adapter";

/** `id` is a resource id or a compact ref (`document:doc_7`), narrowed by `?organization=`. */
type P = { id: string };

export const GET = nativeRoute<P>(async ({ db, params, query }) => ok(await getResource(db, params.id, { organization: first(query.organization) })));

export const PATCH = nativeRoute<P>(async ({ db, actor, params, body, query }) => {
  const { value, revision } = await updateResource(db, actor, params.id, await body(), { organization: first(query.organization) });
  return written(value, revision);
}, { write: true });

export const DELETE = nativeRoute<P>(async ({ db, actor, params, query }) => {
  const { value, revision } = await deleteResource(db, actor, params.id, { organization: first(query.organization), cascade: first(query.cascade) });
  return written({ id: value.id, deleted: true, removed: value.removed }, revision);
}, { write: true });
