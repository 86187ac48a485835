import { deleteTypeRule } from "@/lib/resource-types/hierarchy";
import { nativeRoute, written } from "../../_native/adapter";

export const DELETE = nativeRoute<{ id: string }>(async ({ db, actor, params }) => {
  const { value, revision } = await deleteTypeRule(db, actor, { id: params.id });
  return written({ id: value.id, deleted: true }, revision);
}, { write: true });
