import { lookupResources } from "@/lib/access/lookup";
import { nativeRoute, ok } from "../../_native/adapter";

export const POST = nativeRoute(async ({ db, body }) => ok(await lookupResources(db, await body())));
