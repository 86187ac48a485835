import { getGrant, revokeGrant } from "@/lib/grants/service";
import { nativeRoute, ok, written } from "../../_native/adapter";

type P = { id: string };

export const GET = nativeRoute<P>(async ({ db, params }) => ok(await getGrant(db, params.id)));

export const DELETE = nativeRoute<P>(async ({ db, actor, params }) => {
  const { value, revision } = await revokeGrant(db, actor, params.id);
  return written({ id: value.id, deleted: true }, revision);
}, { write: true });
