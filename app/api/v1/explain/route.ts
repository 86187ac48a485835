import { explain } from "@/lib/access/check";
import { nativeRoute, ok } from "../_native/adapter";

export const POST = nativeRoute(async ({ db, body }) => ok(await explain(db, await body())));
