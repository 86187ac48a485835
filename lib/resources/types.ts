import { and, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { resourceTypes } from "@/db/schema";
import { notFound } from "@/lib/shared/errors";
import { TYPE_KEY_RULE } from "@/lib/resource-types/schemas";
import { rowsOf } from "./tree";

export type ResourceType = typeof resourceTypes.$inferSelect;

/**
 * The scopes whose definitions an organization sees: its own, then its
 * ancestors. Walked with one bounded query rather than loading every scope
 * (there is one per organization).
 */
export async function scopeChain(db: Queryable, scopeId: string): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from scopes where id = ${scopeId}
      union all
      select s.id, s.parent_id, up.depth + 1 from scopes s join up on s.id = up.parent_id where up.depth < 100
    )
    select id from up order by depth`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/** A type by key (the nearest definition wins) or by id, as seen from an organization's scope. */
export async function typeVisibleFrom(db: Queryable, scopeId: string, ref: string, field: string): Promise<ResourceType> {
  const chain = await scopeChain(db, scopeId);
  const byKey = TYPE_KEY_RULE.test(ref);
  const rows = await db
    .select()
    .from(resourceTypes)
    .where(and(byKey ? eq(resourceTypes.key, ref) : eq(resourceTypes.id, ref), inArray(resourceTypes.scopeId, chain)));
  if (!rows.length) throw notFound("resource type", ref, field);
  return rows.sort((a, b) => chain.indexOf(a.scopeId) - chain.indexOf(b.scopeId))[0];
}

export async function typeKeys(db: Queryable, typeIds: string[]): Promise<Map<string, string>> {
  if (!typeIds.length) return new Map();
  const rows = await db.select({ id: resourceTypes.id, key: resourceTypes.key }).from(resourceTypes).where(inArray(resourceTypes.id, [...new Set(typeIds)]));
  return new Map(rows.map((r) => [r.id, r.key]));
}
