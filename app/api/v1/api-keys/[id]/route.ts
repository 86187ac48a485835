import { revokeApiKey } from "@/lib/api-keys/service";
import { nativeRoute, written } from "../../_native/adapter";

/** Revokes: the key stops working with the next request, in every process. */
export const DELETE = nativeRoute<{ id: string }>(async ({ db, actor, params }) => {
  const { value, revision } = await revokeApiKey(db, actor, params.id);
  return written(value, revision);
}, { write: true, wholeEnvironment: true });
