import { changeQuerySchema, listChanges } from "@/lib/revisions/changes";
import { parseWith } from "@/lib/shared/errors";
import { list, nativeRoute } from "../_native/adapter";

export const GET = nativeRoute(async ({ db, query }) => {
  const page = await listChanges(db, parseWith(changeQuerySchema, query));
  return list(page.data, page.nextCursor);
});
