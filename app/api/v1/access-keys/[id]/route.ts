import { revokeAccessKey } from "@/lib/access-keys/service";
import { nativeRoute, written } from "../../_native/adapter";

/** Revokes: signatures made with the key are refused from the next request on, in every process. */
export const DELETE = nativeRoute<{ id: string }>(async ({ db, actor, params }) => {
  const { value, revision } = await revokeAccessKey(db, actor, params.id);
  return written(value, revision);
}, { write: true, wholeEnvironment: true });
