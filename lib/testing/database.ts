/**
 * A fresh, migrated database per test file: in-memory PGlite by default, or a
 * throwaway database on the server named by DATABASE_URL (dropped afterwards).
 */
import { randomBytes } from "node:crypto";
import { connect, type Connection } from "@/db/client";

export async function openTestDatabase(): Promise<Connection> {
  const url = process.env.DATABASE_URL;
  if (!url) return connect({ dataDir: "memory://" });
  const { default: postgres } = await import("postgres");
  const name = `arbor_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const connection = await connect({ databaseUrl: target.toString() });
  return {
    ...connection,
    close: async () => {
      await connection.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
