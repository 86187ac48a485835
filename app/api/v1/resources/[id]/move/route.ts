import { moveResource } from "@/lib/resources/move";
import { first } from "@/app/_http/query";
import { nativeRoute, written } from "../../../_native/adapter";

export const POST = nativeRoute<{ id: string }>(async ({ db, actor, params, body, query }) => {
  const { value, revision } = await moveResource(db, actor, params.id, await body(), { organization: first(query.organization) });
  return written(value, revision);
}, { write: true });
