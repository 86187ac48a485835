import { createPermission, listPermissions } from "@/lib/permissions/service";
import { first } from "@/app/_http/query";
import { list, nativeRoute, written } from "../_native/adapter";

export const POST = nativeRoute(async ({ db, actor, body }) => {
  const { value, revision } = await createPermission(db, actor, await body());
  return written(value, revision, 201);
}, { write: true });

export const GET = nativeRoute(async ({ db, query }) => list(await listPermissions(db, first(query.scopeId), first(query.resourceType))));
