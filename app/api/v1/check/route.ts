import { check } from "@/lib/access/check";
import { nativeRoute, ok } from "../_native/adapter";

export const POST = nativeRoute(async ({ db, body }) => {
  const result = await check(db, await body());
  return ok(result);
});
