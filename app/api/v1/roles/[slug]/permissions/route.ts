import { setRolePermissions } from "@/lib/roles/service";
import { first } from "@/app/_http/query";
import { nativeRoute, written } from "../../../_native/adapter";

export const PUT = nativeRoute<{ slug: string }>(async ({ db, actor, params, body, query }) => {
  const { value, revision } = await setRolePermissions(db, actor, params.slug, await body(), first(query.scopeId));
  return written(value, revision);
}, { write: true });
