/**
 * Console sessions. The browser holds 32 random bytes; the database holds
 * only their SHA-256, so a copy of the database signs no one in. A fast hash
 * is enough: there is nothing to brute-force in 256 random bits.
 */
import { createHash, randomBytes } from "node:crypto";
import { eq, lte } from "drizzle-orm";
import type { Database } from "@/db/client";
import { adminSessions, admins } from "@/db/schema";
import type { Admin } from "./service";

export const DEFAULT_SESSION_HOURS = 12;
const MAX_SESSION_HOURS = 24 * 366;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");
// base64url of 32 bytes; anything else cannot be one of ours, and is not worth a query.
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** ARBOR_SESSION_HOURS: how long a sign-in lasts. A bad value is a start-up error, not a silent default. */
export function sessionHours(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_SESSION_HOURS;
  const hours = Number(value);
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_SESSION_HOURS) {
    throw new Error(`ARBOR_SESSION_HOURS must be a number of hours above 0 and at most ${MAX_SESSION_HOURS}, not '${value}'`);
  }
  return hours;
}

export type Session = { admin: Admin; expiresAt: Date };
export type SessionOptions = { hours?: number; now?: Date };

export async function startSession(db: Database, adminId: string, options: SessionOptions = {}): Promise<{ token: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  const expiresAt = new Date(now.getTime() + (options.hours ?? DEFAULT_SESSION_HOURS) * 3_600_000);
  const token = randomBytes(32).toString("base64url");
  // Sessions nobody signed out of would otherwise pile up: each sign-in sweeps the expired ones.
  await db.delete(adminSessions).where(lte(adminSessions.expiresAt, now));
  await db.insert(adminSessions).values({ id: hashToken(token), adminId, expiresAt, createdAt: now });
  return { token, expiresAt };
}

/** The live session for a token, or null. An expired one is deleted on sight. */
export async function findSession(db: Database, token: string | undefined, now = new Date()): Promise<Session | null> {
  if (!token || !TOKEN.test(token)) return null;
  const id = hashToken(token);
  const [row] = await db
    .select({ expiresAt: adminSessions.expiresAt, id: admins.id, email: admins.email, createdAt: admins.createdAt })
    .from(adminSessions)
    .innerJoin(admins, eq(admins.id, adminSessions.adminId))
    .where(eq(adminSessions.id, id));
  if (!row) return null;
  if (row.expiresAt.getTime() <= now.getTime()) {
    await db.delete(adminSessions).where(eq(adminSessions.id, id));
    return null;
  }
  return { admin: { id: row.id, email: row.email, createdAt: row.createdAt }, expiresAt: row.expiresAt };
}

/** Sign-out: the token stops working at once, in every process. */
export async function endSession(db: Database, token: string | undefined): Promise<void> {
  if (!token || !TOKEN.test(token)) return;
  await db.delete(adminSessions).where(eq(adminSessions.id, hashToken(token)));
}
