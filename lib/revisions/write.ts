/**
 * Every write goes through `write`: one transaction that first advances the
 * global revision (taking the row lock, so writers are serialised and every
 * rule checked inside sees a stable state) and appends its change-log rows.
 * A failure rolls back everything, the revision included.
 */
import { eq, sql } from "drizzle-orm";
import type { Database, Queryable, Transaction } from "@/db/client";
import { changeLog, revisionCounter } from "@/db/schema";
import { revisionClock } from "./clock";

export type Operation = "create" | "update" | "delete";

export type Change = {
  operation: Operation;
  entityType: string;
  entityId: string;
  organizationId?: string | null;
  before?: unknown;
  after?: unknown;
};

export type WriteContext = {
  tx: Transaction;
  revision: number;
  actor: string;
  record: (change: Change) => void;
};

export type Written<T> = { value: T; revision: number };


const CHANGE_LOG_CHUNK = 500;

export async function write<T>(db: Database, actor: string, fn: (w: WriteContext) => Promise<T>): Promise<Written<T>> {
  const result = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(revisionCounter)
      .set({ value: sql`${revisionCounter.value} + 1` })
      .where(eq(revisionCounter.id, 1))
      .returning({ value: revisionCounter.value });
    const revision = row.value;
    const changes: Change[] = [];
    const value = await fn({ tx, revision, actor, record: (c) => changes.push(c) });
    for (let i = 0; i < changes.length; i += CHANGE_LOG_CHUNK) {
      await tx.insert(changeLog).values(
        changes.slice(i, i + CHANGE_LOG_CHUNK).map((c) => ({
          revision,
          actor,
          operation: c.operation,
          entityType: c.entityType,
          entityId: c.entityId,
          organizationId: c.organizationId ?? null,
          before: c.before === undefined ? null : toJson(c.before),
          after: c.after === undefined ? null : toJson(c.after),
        })),
      );
    }
    return { value, revision };
  });
  revisionClock(db).observe(result.revision);
  return result;
}

// Dates become ISO strings, as they do on the wire.
const toJson = (value: unknown) => JSON.parse(JSON.stringify(value));

export async function currentRevision(db: Queryable): Promise<number> {
  const [row] = await db.select({ value: revisionCounter.value }).from(revisionCounter).where(eq(revisionCounter.id, 1));
  return row?.value ?? 0;
}
