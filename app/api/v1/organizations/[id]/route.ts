import { deleteOrganization, getOrganizationView, updateOrganization } from "@/lib/organizations/service";
import { first } from "@/app/_http/query";
import { nativeRoute, ok, written } from "../../_native/adapter";

/** `id` is an organization id or external id. */
type P = { id: string };

export const GET = nativeRoute<P>(async ({ db, params }) => ok(await getOrganizationView(db, params.id)));

export const PATCH = nativeRoute<P>(async ({ db, actor, params, body }) => {
  const { value, revision } = await updateOrganization(db, actor, params.id, await body());
  return written(value, revision);
}, { write: true });

export const DELETE = nativeRoute<P>(async ({ db, actor, params, query }) => {
  const { value, revision } = await deleteOrganization(db, actor, params.id, { cascade: first(query.cascade) });
  return written({ id: value.id, deleted: true, removed: value.removed }, revision);
}, { write: true });
