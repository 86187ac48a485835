/**
 * Walks over the resource tree, each one recursive query bounded by
 * MAX_DEPTH, so a single walk never loads more than the path or subtree asked
 * for and can never loop.
 */
import { count, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { resources } from "@/db/schema";

/** How many levels a resource may sit below its organization's root. Keeps every upward walk short. */
export const MAX_DEPTH = 100;

/** Raw results differ by driver: postgres-js returns the rows, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** For each resource: the ids from its root down to itself, one query for any number of resources. */
export async function ancestorChains(db: Queryable, ids: string[]): Promise<Map<string, string[]>> {
  const chains = new Map<string, string[]>();
  if (!ids.length) return chains;
  const result = await db.execute(sql`
    with recursive up(start_id, id, parent_id, depth) as (
      select id, id, parent_id, 0 from resources where id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})
      union all
      select up.start_id, r.id, r.parent_id, up.depth + 1
      from resources r join up on r.id = up.parent_id
      where up.depth < ${MAX_DEPTH}
    )
    select start_id, id, depth from up order by start_id, depth desc`);
  for (const row of rowsOf<{ start_id: string; id: string }>(result)) {
    const chain = chains.get(row.start_id) ?? [];
    chain.push(row.id);
    chains.set(row.start_id, chain);
  }
  return chains;
}

/** Levels between the root and the resource: the root is at 0. */
export async function depthOf(db: Queryable, id: string): Promise<number> {
  const chain = (await ancestorChains(db, [id])).get(id) ?? [id];
  return chain.length - 1;
}

const subtreeCte = (id: string) => sql`
  with recursive down(id, depth) as (
    select id, 0 from resources where id = ${id}
    union all
    select r.id, down.depth + 1 from resources r join down on r.parent_id = down.id
    where down.depth < ${MAX_DEPTH}
  )`;

/** The resource and everything below it, deepest first (the order in which they can be deleted). */
export async function subtreeIds(db: Queryable, id: string): Promise<string[]> {
  const result = await db.execute(sql`${subtreeCte(id)} select id from down order by depth desc`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/** How many levels the subtree below the resource has (0 for a leaf). */
export async function subtreeHeight(db: Queryable, id: string): Promise<number> {
  const result = await db.execute(sql`${subtreeCte(id)} select coalesce(max(depth), 0)::int as height from down`);
  return Number(rowsOf<{ height: number }>(result)[0]?.height ?? 0);
}

/** What a cascade delete of the resource would remove besides itself, and the grants on all of it. */
export async function subtreeSize(db: Queryable, id: string): Promise<{ descendants: number; grants: number }> {
  const result = await db.execute(sql`${subtreeCte(id)}
    select (select count(*) from down)::int - 1 as descendants,
           (select count(*) from grants where resource_id in (select id from down))::int as grants`);
  const row = rowsOf<{ descendants: number; grants: number }>(result)[0];
  return { descendants: Math.max(0, Number(row?.descendants ?? 0)), grants: Number(row?.grants ?? 0) };
}

/** Number of direct children of each given resource (absent = 0). */
export async function childCounts(db: Queryable, parentIds: string[]): Promise<Map<string, number>> {
  if (!parentIds.length) return new Map();
  const rows = await db
    .select({ parentId: resources.parentId, n: count() })
    .from(resources)
    .where(inArray(resources.parentId, parentIds))
    .groupBy(resources.parentId);
  return new Map(rows.map((r) => [r.parentId!, Number(r.n)]));
}

/** Makes user text match literally inside a LIKE pattern. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
