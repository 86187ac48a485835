import { createResourceTypes } from "@/lib/resource-types/service";
import { nativeRoute, written } from "../../_native/adapter";

export const POST = nativeRoute(async ({ db, actor, body }) => {
  const { value, revision } = await createResourceTypes(db, actor, await body());
  return written(value, revision, 201);
}, { write: true });
