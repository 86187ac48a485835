import { deleteRole, getRole, updateRole } from "@/lib/roles/service";
import { first } from "@/app/_http/query";
import { nativeRoute, ok, written } from "../../_native/adapter";

/** `slug` is a role slug (resolved from `?scopeId`, default the root scope) or a role id. */
type P = { slug: string };

export const GET = nativeRoute<P>(async ({ db, params, query }) => ok(await getRole(db, params.slug, first(query.scopeId))));

export const PATCH = nativeRoute<P>(async ({ db, actor, params, body, query }) => {
  const { value, revision } = await updateRole(db, actor, params.slug, await body(), first(query.scopeId));
  return written(value, revision);
}, { write: true });

export const DELETE = nativeRoute<P>(async ({ db, actor, params, query }) => {
  const { value, revision } = await deleteRole(db, actor, params.slug, first(query.scopeId));
  return written({ id: value.id, deleted: true }, revision);
}, { write: true });
