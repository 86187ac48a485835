import { createResourceType, listResourceTypes } from "@/lib/resource-types/service";
import { first } from "@/app/_http/query";
import { list, nativeRoute, written } from "../_native/adapter";

export const POST = nativeRoute(async ({ db, actor, body }) => {
  const { value, revision } = await createResourceType(db, actor, await body());
  return written(value, revision, 201);
}, { write: true });

export const GET = nativeRoute(async ({ db, query }) => list(await listResourceTypes(db, first(query.scopeId))));

