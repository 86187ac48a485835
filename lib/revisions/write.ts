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

/** Transactions opened by `writeTogether` (and savepoints inside them): a write made through one joins that write. */
const joined = new WeakMap<object, WriteContext>();

export async function write<T>(db: Database, actor: string, fn: (w: WriteContext) => Promise<T>): Promise<Written<T>> {
  const outer = joined.get(db);
  if (outer) return joinWrite(db, outer, fn);
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

/**
 * Several domain writes as one — a batch that is all or nothing: `fn` gets
 * the open transaction as its database, every write made through it shares
 * this revision and commit, and an error escaping `fn` rolls all of them back.
 */
export async function writeTogether<T>(db: Database, actor: string, fn: (db: Database) => Promise<T>): Promise<Written<T>> {
  return write(db, actor, (w) => {
    joined.set(w.tx, w);
    return fn(w.tx);
  });
}

/**
 * A write inside `writeTogether`: a savepoint, so an error the caller catches
 * (an item to skip) undoes only this write and its change-log entries.
 */
async function joinWrite<T>(db: Database, outer: WriteContext, fn: (w: WriteContext) => Promise<T>): Promise<Written<T>> {
  return db.transaction(async (tx) => {
    joined.set(tx, outer);
    const changes: Change[] = [];
    const value = await fn({ ...outer, tx, record: (c) => changes.push(c) });
    for (const change of changes) outer.record(change);
    return { value, revision: outer.revision };
  });
}

// Dates become ISO strings, as they do on the wire.
const toJson = (value: unknown) => JSON.parse(JSON.stringify(value));

export async function currentRevision(db: Queryable): Promise<number> {
  const [row] = await db.select({ value: revisionCounter.value }).from(revisionCounter).where(eq(revisionCounter.id, 1));
  return row?.value ?? 0;
}
