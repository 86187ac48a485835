/**
 * Replay protection: a signed request's nonce may be used once per access key
 * within the window in which its `date` is accepted. Nonces live in the
 * database so every Arbor process sharing it refuses the replay. They are
 * request bookkeeping, not authorization data: written directly, without a
 * revision or a change-log row.
 */
import { lt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { requestNonces } from "@/db/schema";
import { MAX_CLOCK_SKEW_MS } from "./signature";

// A request dated up to the skew ahead stays acceptable until the skew after that date: twice the skew in all.
export const NONCE_WINDOW_MS = 2 * MAX_CLOCK_SKEW_MS;
const PRUNE_EVERY_MS = 60_000;
const lastPrune = new WeakMap<Database, number>();

/** Records the nonce; false when it was already used within the window (a replay). */
export async function claimNonce(db: Database, accessKeyId: string, nonce: string, now = new Date()): Promise<boolean> {
  const cutoff = new Date(now.getTime() - NONCE_WINDOW_MS);
  if (now.getTime() - (lastPrune.get(db) ?? 0) > PRUNE_EVERY_MS) {
    lastPrune.set(db, now.getTime());
    await db.delete(requestNonces).where(lt(requestNonces.seenAt, cutoff));
  }
  // One statement, so two processes racing on the same nonce cannot both win; a stale row (not pruned yet) is reclaimed.
  const claimed = await db
    .insert(requestNonces)
    .values({ accessKeyId, nonce, seenAt: now })
    .onConflictDoUpdate({
      target: [requestNonces.accessKeyId, requestNonces.nonce],
      set: { seenAt: now },
      setWhere: lt(requestNonces.seenAt, cutoff),
    })
    .returning({ nonce: requestNonces.nonce });
  return claimed.length > 0;
}

