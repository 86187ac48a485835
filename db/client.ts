/**
 * The one place that knows which database we talk to. Everything above works
 * with `Database`, whichever driver is underneath.
 */
import path from "node:path";
import fs from "node:fs";
import net from "node:net";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import * as schema from "./schema";

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: read helpers accept both. */
export type Queryable = Database | Transaction;

export type Connection = {
  db: Database;
  kind: "pglite" | "postgres";
  close: () => Promise<void>;
};

export type ConnectOptions = {
  /** PostgreSQL URL; when absent, embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory; `memory://` keeps it in memory (tests). */
  dataDir?: string;
};

const embedded = new WeakSet<Database>();

/** An embedded (PGlite) database is opened by exactly one process: every write to it is this process's own. */
export const isEmbedded = (db: Database) => embedded.has(db);

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
// Any constant works; it only has to be the same in every Arbor process.
const MIGRATION_LOCK = 7_320_114;

export async function connect(options: ConnectOptions): Promise<Connection> {
  if (options.databaseUrl) return connectPostgres(options.databaseUrl);
  return connectPglite(options.dataDir ?? "./.data");
}

async function connectPglite(dataDir: string): Promise<Connection> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  if (!dataDir.startsWith("memory://")) fs.mkdirSync(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder });
  embedded.add(db as unknown as Database);
  return { db: db as unknown as Database, kind: "pglite", close: () => client.close() };
}

/**
 * postgres.js leaves Nagle's algorithm on: a message written right after
 * another the server has not acknowledged yet (a COPY's end after its rows)
 * waits for the server's delayed ACK, 40 ms each time — most of a bulk
 * import's time. Its documented `socket` option (missing from its types)
 * lets us open the connection ourselves with TCP_NODELAY. Given a socket,
 * postgres.js skips its own connecting, so this tries a multi-host URL's
 * hosts in order, keeps its connect timeout, and names the host for TLS
 * (which postgres.js still negotiates on top).
 */
type SocketOptions = { host: string[]; port: number[]; path?: string; connect_timeout?: number };

async function connectWithoutDelay(options: SocketOptions): Promise<net.Socket> {
  if (options.path) return open(net.connect(options.path), options);
  let failure: unknown;
  for (const [i, host] of options.host.entries()) {
    try {
      const socket = await open(net.connect({ host, port: options.port[i] ?? options.port[0], noDelay: true }), options);
      return Object.assign(socket, { host });
    } catch (error) {
      failure = error;
    }
  }
  throw failure;
}

function open(socket: net.Socket, options: SocketOptions): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    socket.setTimeout((options.connect_timeout ?? 30) * 1000, () => socket.destroy(new Error(`connect timeout to ${options.host.join(",")}`)));
    socket.once("error", reject).once("connect", () => {
      socket.setTimeout(0);
      socket.off("error", reject);
      resolve(socket);
    });
  });
}

async function connectPostgres(url: string): Promise<Connection> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  // Several app processes may start at once: one migrates, the others wait on the lock.
  const lockClient = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await lockClient`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migrate(drizzle({ client: lockClient }), { migrationsFolder });
    await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await lockClient.end();
  }
  const options = { max: Number(process.env.ARBOR_DB_POOL ?? 10), onnotice: () => {}, socket: connectWithoutDelay };
  const client = postgres(url, options);
  const db = drizzle({ client, schema });
  return { db: db as unknown as Database, kind: "postgres", close: () => client.end() };
}
