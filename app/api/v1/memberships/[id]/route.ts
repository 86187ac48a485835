import { deleteMembership, getMembership } from "@/lib/subjects/memberships";
import { nativeRoute, ok, written } from "../../_native/adapter";

type P = { id: string };

export const GET = nativeRoute<P>(async ({ db, params }) => ok(await getMembership(db, params.id)));

export const DELETE = nativeRoute<P>(async ({ db, actor, params }) => {
  const { value, revision } = await deleteMembership(db, actor, params.id);
  return written({ id: value.id, deleted: true }, revision);
}, { write: true });
