import { getScope, updateScope } from "@/lib/scopes/service";
import { nativeRoute, ok, written } from "../../_native/adapter";

type P = { id: string };

export const GET = nativeRoute<P>(async ({ db, params }) => ok(await getScope(db, params.id)));

export const PATCH = nativeRoute<P>(async ({ db, actor, params, body }) => {
  const { value, revision } = await updateScope(db, actor, params.id, await body());
  return written(value, revision);
}, { write: true });
