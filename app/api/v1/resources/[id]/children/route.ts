import { listChildren } from "@/lib/resources/service";
import { first } from "@/app/_http/query";
import { list, nativeRoute } from "../../../_native/adapter";

export const GET = nativeRoute<{ id: string }>(async ({ db, params, query }) => {
  const page = await listChildren(db, params.id, query, { organization: first(query.organization) });
  return list(page.data, page.nextCursor);
});
