/**
 * The change log newest first, for people reading it (the console); the API's
 * `listChanges` reads it oldest first, as a feed. Same filters; the cursor is
 * the id of the last entry shown.
 */
import { and, desc, lt } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { changeLog } from "@/db/schema";
import { parseWith } from "@/lib/shared/errors";
import { toPage, type Page } from "@/lib/shared/paging";
import { changeFilters, type ChangeEntry } from "./changes";

export const recentChangesQuerySchema = z
  .object({
    entityType: z.string().max(64).optional(),
    entityId: z.string().max(200).optional(),
    actor: z.string().max(200).optional(),
    organizationId: z.string().max(200).optional(),
    since: z.coerce.date().optional(),
    until: z.coerce.date().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    before: z.coerce.number().int().min(1).optional().describe("cursor: entries older than this id"),
  })
  .strip();

export async function listRecentChanges(db: Queryable, query: unknown): Promise<Page<ChangeEntry>> {
  const q = parseWith(recentChangesQuerySchema, query);
  const where = changeFilters(q);
  if (q.before !== undefined) where.push(lt(changeLog.id, q.before));
  const rows = await db
    .select()
    .from(changeLog)
    .where(and(...where))
    .orderBy(desc(changeLog.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, (r) => String(r.id));
}

