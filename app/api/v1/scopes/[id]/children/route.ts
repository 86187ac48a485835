import { listScopeChildren } from "@/lib/scopes/service";
import { list, nativeRoute } from "../../../_native/adapter";

export const GET = nativeRoute<{ id: string }>(async ({ db, params, query }) => {
  const page = await listScopeChildren(db, params.id, query);
  return list(page.data, page.nextCursor);
});
