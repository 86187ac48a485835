import { countDescendants } from "@/lib/resources/service";
import { first } from "@/app/_http/query";
import { nativeRoute, ok } from "../../../_native/adapter";

/** What a cascade delete would remove: `{ resourceId, descendants, grants }`. */
export const GET = nativeRoute<{ id: string }>(async ({ db, params, query }) =>
  ok(await countDescendants(db, params.id, { organization: first(query.organization) })),
);
