import { resourceAncestors } from "@/lib/resources/service";
import { first } from "@/app/_http/query";
import { list, nativeRoute } from "../../../_native/adapter";

/** Root first, down to the resource's parent. */
export const GET = nativeRoute<{ id: string }>(async ({ db, params, query }) =>
  list(await resourceAncestors(db, params.id, { organization: first(query.organization) })),
);
