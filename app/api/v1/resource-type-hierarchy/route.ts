import { createTypeRule, deleteTypeRule, listTypeRules } from "@/lib/resource-types/hierarchy";
import { first } from "@/app/_http/query";
import { list, nativeRoute, written } from "../_native/adapter";

export const POST = nativeRoute(async ({ db, actor, body }) => {
  const { value, revision } = await createTypeRule(db, actor, await body());
  return written(value, revision, 201);
}, { write: true });

export const GET = nativeRoute(async ({ db, query }) => list(await listTypeRules(db, first(query.scopeId))));

/** Removes the rule named by `{parentTypeId, childTypeId}` in the body or the query string. */
export const DELETE = nativeRoute(async ({ db, actor, body, query }) => {
  const ref = ((await body()) ?? query) as Record<string, string | undefined>;
  const { value, revision } = await deleteTypeRule(db, actor, {
    parentTypeId: first(ref.parentTypeId) ?? "",
    childTypeId: first(ref.childTypeId) ?? "",
    scopeId: first(ref.scopeId),
  });
  return written({ id: value.id, deleted: true }, revision);
}, { write: true });
