/**
 * The process-wide Arbor instance: one database connection (PGlite allows only
 * one per data directory) shared by every route handler and server action.
 * Kept on globalThis because Next.js may load this module more than once.
 */
import { connect, type Connection } from "@/db/client";
import { ensureApiKey } from "@/lib/api-keys/service";
import { setUpAccessKeys } from "@/lib/access-keys/service";
import { ensureAdmin } from "@/lib/admins/service";
import { createAdminSchema } from "@/lib/admins/schemas";
import { sessionHours } from "@/lib/admins/sessions";

export type Arbor = Connection;

const holder = globalThis as unknown as { __arbor?: Promise<Arbor> };

export function getArbor(): Promise<Arbor> {
  holder.__arbor ??= start().catch((error) => {
    holder.__arbor = undefined;
    throw error;
  });
  return holder.__arbor;
}

async function start(): Promise<Arbor> {
  // A mistyped session length should stop the start, not surface at the first sign-in.
  sessionHours(process.env.ARBOR_SESSION_HOURS);
  const admin = adminFromEnv();
  const connection = await connect({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir: process.env.ARBOR_DATA_DIR || "./.data",
  });
  await setUpAccessKeys(connection.db, {
    secret: process.env.ARBOR_SECRET || undefined,
    kind: connection.kind,
    dataDir: process.env.ARBOR_DATA_DIR || "./.data",
    accessKeyId: process.env.ARBOR_ACCESS_KEY_ID || undefined,
    accessKeySecret: process.env.ARBOR_ACCESS_KEY_SECRET || undefined,
  });
  const firstKey = await ensureApiKey(connection.db, process.env.ARBOR_API_KEY || undefined);
  if (firstKey) {
    console.log(`\nArbor created its first API key (shown once, store it now):\n\n  ${firstKey}\n`);
  }
  if (admin && (await ensureAdmin(connection.db, admin))) console.log(`Arbor created the administrator ${admin.email}.`);
  return connection;
}

/** ARBOR_ADMIN_EMAIL / ARBOR_ADMIN_PASSWORD, checked before anything is opened. The password itself never appears in the error. */
function adminFromEnv(): { email: string; password: string } | null {
  const email = process.env.ARBOR_ADMIN_EMAIL || undefined;
  const password = process.env.ARBOR_ADMIN_PASSWORD || undefined;
  if (!email && !password) return null;
  if (!email || !password) throw new Error("ARBOR_ADMIN_EMAIL and ARBOR_ADMIN_PASSWORD must be set together");
  const parsed = createAdminSchema.safeParse({ email, password });
  if (!parsed.success) throw new Error(`ARBOR_ADMIN_EMAIL / ARBOR_ADMIN_PASSWORD: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return { email, password };
}
