/**
 * `npm run import -- <file>`: bulk-imports a tuple file into the configured
 * database (DATABASE_URL, or PGlite in ARBOR_DATA_DIR / ./.data) — the same
 * all-or-nothing import as POST /api/v1/import. Stop the app first when it
 * runs on PGlite: an embedded database admits one process.
 */
import fs from "node:fs";
import { connect } from "@/db/client";
import { importTuples } from "@/lib/import/import";
import { linesOf } from "@/lib/import/tuples";
import { ArborError } from "@/lib/shared/errors";

async function main() {
  const file = process.argv[2];
  if (!file || !fs.existsSync(file)) {
    console.error("usage: npm run import -- <tuples file>");
    process.exit(2);
  }
  const conn = await connect({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.ARBOR_DATA_DIR || "./.data" });
  try {
    const started = performance.now();
    const lines = linesOf(fs.createReadStream(file, "utf8"));
    const { value, revision } = await importTuples(conn.db, "cli:import", lines);
    const seconds = (performance.now() - started) / 1000;
    console.log(JSON.stringify({ ...value, revision, seconds: +seconds.toFixed(2) }, null, 2));
  } catch (error) {
    if (!(error instanceof ArborError)) throw error;
    for (const issue of error.issues) console.error(issue.message);
    process.exitCode = 1;
  } finally {
    await conn.close();
  }
}

main();
