/**
 * Administrator accounts: the people who may use the console. Creating one is
 * a write like any other (revision, change-log entry naming who did it), so
 * the "only while none exists" rule of the first-run page is checked under
 * the write lock and cannot race.
 */
import { asc, count, eq, sql } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { admins } from "@/db/schema";
import { ArborError, conflict, parseWith } from "@/lib/shared/errors";
import { newId } from "@/lib/shared/ids";
import { write, type Written } from "@/lib/revisions/write";
import { hashPassword, verifyPassword } from "./passwords";
import { createAdminSchema } from "./schemas";

export type Admin = Omit<typeof admins.$inferSelect, "passwordHash">;

const visible = ({ passwordHash: _hash, ...admin }: typeof admins.$inferSelect): Admin => admin;

/** The change-log name of an administrator's console writes. */
export const adminActor = (admin: Pick<Admin, "email">) => `admin:${admin.email}`;

export async function hasAdmin(db: Queryable): Promise<boolean> {
  const [{ n }] = await db.select({ n: count() }).from(admins);
  return n > 0;
}

export async function listAdmins(db: Queryable): Promise<Admin[]> {
  const rows = await db.select().from(admins).orderBy(asc(admins.createdAt), asc(admins.id));
  return rows.map(visible);
}

const byEmail = (email: string) => eq(sql`lower(${admins.email})`, email.toLowerCase());

async function insertAdmin(db: Database, actor: string, input: unknown, onlyIfNone: boolean): Promise<Written<Admin>> {
  const data = parseWith(createAdminSchema, input);
  // Hashing is slow on purpose: done before the write so the write lock is held only briefly.
  const passwordHash = await hashPassword(data.password);
  return write(db, actor, async ({ tx, record }) => {
    if (onlyIfNone && (await hasAdmin(tx))) throw conflict("An administrator already exists: sign in instead.", undefined, "first_admin");
    const [taken] = await tx.select({ id: admins.id }).from(admins).where(byEmail(data.email));
    if (taken) throw conflict(`An administrator with email '${data.email}' already exists`, "email");
    const [row] = await tx.insert(admins).values({ id: newId("admin"), email: data.email, passwordHash }).returning();
    record({ operation: "create", entityType: "admin", entityId: row.id, after: visible(row) });
    return visible(row);
  });
}

/** The first-run page's administrator: refused once any administrator exists, however many ask at once. */
export function createFirstAdmin(db: Database, actor: string, input: unknown): Promise<Written<Admin>> {
  return insertAdmin(db, actor, input, true);
}

/** Another administrator, added by a signed-in one. */
export function createAdmin(db: Database, actor: string, input: unknown): Promise<Written<Admin>> {
  return insertAdmin(db, actor, input, false);
}

/**
 * Start-up: the administrator named by ARBOR_ADMIN_EMAIL / ARBOR_ADMIN_PASSWORD
 * is created when that email has no account yet; an existing account keeps
 * its password. Returns whether it was created.
 */
export async function ensureAdmin(db: Database, input: { email: string; password: string }): Promise<boolean> {
  const { email } = parseWith(createAdminSchema, input);
  const [existing] = await db.select({ id: admins.id }).from(admins).where(byEmail(email));
  if (existing) return false;
  try {
    await createAdmin(db, "system", input);
    return true;
  } catch (error) {
    // Another process starting at the same moment created it first.
    if (error instanceof ArborError && error.kind === "conflict") return false;
    throw error;
  }
}

/**
 * Verified against when the email is unknown, so an unknown email costs the
 * same time as a wrong password. The hash of 32 random bytes nobody kept, at
 * the default cost (a test holds it to that cost).
 */
export const DECOY_HASH = "scrypt$n=32768,r=8,p=1$ZIiNwCfyFBKAVl3TKvW9fA$4TzOfKWPrQkWlfJv4jQpIvhITe7Gl5UzL7yduuRgbsc";

/** The administrator with this email and password, or null. Takes the same time whether or not the email exists. */
export async function verifyCredentials(db: Queryable, email: string, password: string): Promise<Admin | null> {
  const [row] = await db.select().from(admins).where(byEmail(email));
  const matches = await verifyPassword(password, row?.passwordHash ?? DECOY_HASH);
  return row && matches ? visible(row) : null;
}
