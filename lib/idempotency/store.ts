/**
 * Idempotency keys: a POST sent again with the same key gets the stored
 * answer instead of running twice (a retried create must not become a 409).
 * A key is claimed before the request runs, so a retry that arrives while the
 * first attempt is still running is told so rather than running in parallel.
 * These rows are transport bookkeeping, not authorization data: they bypass
 * the revisioned `write` and the change log on purpose.
 */
import { and, eq, lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { idempotencyKeys } from "@/db/schema";

/** Answers are replayed for at least this long. */
export const RETENTION_MS = 24 * 60 * 60 * 1000;
/** A claim not completed within this time belongs to a request that died; the key may be used again. */
export const ABANDONED_MS = 60 * 1000;
/** `status` of a claimed key whose request has not answered yet. */
const PENDING = 0;

export type IdempotentRequest = { apiKeyId: string; key: string; method: string; path: string; requestHash: string };
export type Claim =
  | { kind: "claimed" }
  | { kind: "replay"; status: number; body: string }
  | { kind: "in_progress" }
  | { kind: "mismatch"; method: string; path: string };

const keyOf = (r: { apiKeyId: string; key: string }) => and(eq(idempotencyKeys.apiKeyId, r.apiKeyId), eq(idempotencyKeys.key, r.key));

export async function claimIdempotencyKey(db: Database, request: IdempotentRequest, now = new Date()): Promise<Claim> {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, new Date(now.getTime() - RETENTION_MS)));
  for (let attempt = 0; attempt < 2; attempt++) {
    const inserted = await db
      .insert(idempotencyKeys)
      .values({ ...request, status: PENDING, body: "", createdAt: now })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length) return { kind: "claimed" };
    const [stored] = await db.select().from(idempotencyKeys).where(keyOf(request));
    if (!stored) continue; // expired or released between the two statements
    if (stored.requestHash !== request.requestHash) return { kind: "mismatch", method: stored.method, path: stored.path };
    if (stored.status !== PENDING) return { kind: "replay", status: stored.status, body: stored.body };
    if (now.getTime() - stored.createdAt.getTime() < ABANDONED_MS) return { kind: "in_progress" };
    await db.delete(idempotencyKeys).where(and(keyOf(request), eq(idempotencyKeys.status, PENDING)));
  }
  return { kind: "in_progress" };
}

/** Stores the answer of a claimed key. */
export async function completeIdempotencyKey(db: Database, request: { apiKeyId: string; key: string }, status: number, body: string) {
  await db.update(idempotencyKeys).set({ status, body }).where(keyOf(request));
}

/** Gives a claimed key back (the request failed in a way worth retrying). */
export async function releaseIdempotencyKey(db: Database, request: { apiKeyId: string; key: string }) {
  await db.delete(idempotencyKeys).where(and(keyOf(request), eq(idempotencyKeys.status, PENDING)));
}
