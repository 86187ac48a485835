import { and, asc, eq, gt, gte, lte, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { changeLog } from "@/db/schema";
import { MAX_PAGE_SIZE, toPage, type Page } from "@/lib/shared/paging";
import { tenantRows } from "@/lib/tenancy/rules";

/** Within what a PostgreSQL timestamp holds; anything further out is surely a mistake. */
const moment = z.coerce.date().min(new Date("0001-01-01T00:00:00Z")).max(new Date("9999-12-31T23:59:59Z"));

export const changeQuerySchema = z.object({
  after: z.coerce.number().int().min(0).default(0),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(200).optional(),
  actor: z.string().max(200).optional(),
  organizationId: z.string().max(200).optional(),
  since: moment.optional(),
  until: moment.optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(100),
  cursor: z.coerce.number().int().min(0).optional(),
});
export type ChangeQuery = z.infer<typeof changeQuerySchema>;
export type ChangeEntry = typeof changeLog.$inferSelect;

/**
 * The change log in commit order, from just after a revision; cursor is the
 * last row's id. A tenant reads only its organization's entries: the others,
 * environment-wide ones included, may name other organizations' objects.
 */
export async function listChanges(db: Queryable, q: ChangeQuery): Promise<Page<ChangeEntry>> {
  const where = changeFilters(q);
  where.push(gt(changeLog.revision, q.after));
  if (q.cursor !== undefined) where.push(gt(changeLog.id, q.cursor));
  const rows = await db
    .select()
    .from(changeLog)
    .where(and(...where))
    .orderBy(asc(changeLog.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, (r) => String(r.id));
}

export type ChangeFilters = Pick<ChangeQuery, "entityType" | "entityId" | "actor" | "organizationId" | "since" | "until">;

/** The filters both readers of the change log share, plus the tenant's own rows only. */
export function changeFilters(q: ChangeFilters): SQL[] {
  const where: SQL[] = [];
  const own = tenantRows(changeLog.organizationId);
  if (own) where.push(own);
  if (q.entityType) where.push(eq(changeLog.entityType, q.entityType));
  if (q.entityId) where.push(eq(changeLog.entityId, q.entityId));
  if (q.actor) where.push(eq(changeLog.actor, q.actor));
  if (q.organizationId) where.push(eq(changeLog.organizationId, q.organizationId));
  if (q.since) where.push(gte(changeLog.at, q.since));
  if (q.until) where.push(lte(changeLog.at, q.until));
  return where;
}
