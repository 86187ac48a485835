import { deleteResourceType, getResourceType, updateResourceType } from "@/lib/resource-types/service";
import { nativeRoute, ok, written } from "../../_native/adapter";

type P = { id: string };

export const GET = nativeRoute<P>(async ({ db, params }) => ok(await getResourceType(db, params.id)));

export const PATCH = nativeRoute<P>(async ({ db, actor, params, body }) => {
  const { value, revision } = await updateResourceType(db, actor, params.id, await body());
  return written(value, revision);
}, { write: true });

export const DELETE = nativeRoute<P>(async ({ db, actor, params }) => {
  const { value, revision } = await deleteResourceType(db, actor, params.id);
  return written({ id: value.id, deleted: true }, revision);
}, { write: true });
