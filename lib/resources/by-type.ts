/**
 * Resources of one type in one organization, read the way page-numbered APIs
 * (GenAuth) need them: by external ids in bulk, and as numbered pages with a
 * total, optionally narrowed by a value kept in `metadata`.
 */
import { and, asc, count, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { resources } from "@/db/schema";
import type { Resource } from "./refs";

export type OfType = { organizationId: string; resourceTypeId: string };
/** `metadata` at `path` equals `equals`; a resource without a value there counts as `whenMissing`. */
export type MetadataFilter = { path: string[]; equals: string; whenMissing: string };

const ofType = (q: OfType) => and(eq(resources.organizationId, q.organizationId), eq(resources.resourceTypeId, q.resourceTypeId));

const metadataEquals = (f: MetadataFilter): SQL =>
  sql`coalesce(${resources.metadata} #>> ${`{${f.path.join(",")}}`}::text[], ${f.whenMissing}) = ${f.equals}`;

export async function resourcesByExternalIds(db: Queryable, q: OfType & { externalIds: string[] }): Promise<Resource[]> {
  if (!q.externalIds.length) return [];
  return db
    .select()
    .from(resources)
    .where(and(ofType(q), inArray(resources.externalId, [...new Set(q.externalIds)])))
    .orderBy(asc(resources.id));
}

export async function resourcesByIds(db: Queryable, ids: string[]): Promise<Resource[]> {
  if (!ids.length) return [];
  return db.select().from(resources).where(inArray(resources.id, [...new Set(ids)]));
}

/** Page `page` (from 1) of `limit` resources in creation order, with the total matching. */
export async function numberedPage(db: Queryable, q: OfType & { metadata?: MetadataFilter; page: number; limit: number }) {
  const where = and(ofType(q), q.metadata ? metadataEquals(q.metadata) : undefined);
  const [[{ total }], rows] = await Promise.all([
    db.select({ total: count() }).from(resources).where(where),
    db
      .select()
      .from(resources)
      .where(where)
      .orderBy(asc(resources.id))
      .limit(q.limit)
      .offset((q.page - 1) * q.limit),
  ]);
  return { totalCount: total, rows };
}
