/**
 * The process-wide Arbor instance: one database connection (PGlite allows only
 * one per data directory) shared by every route handler and server action.
 * Kept on globalThis because Next.js may load this module more than once.
 */
import { connect, type Connection } from "@/db/client";
import { ensureApiKey } from "@/lib/api-keys/service";
import { setUpAccessKeys } from "@/lib/access-keys/service";

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
  return connection;
}
