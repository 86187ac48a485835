/**
 * `npm run demo`: loads the demo organization (lib/demo/seed.ts) into the
 * configured database (DATABASE_URL, or PGlite in ARBOR_DATA_DIR / ./.data).
 * Stop the app first when it runs on PGlite: an embedded database admits one
 * process. The console's "Load demo data" button does the same while it runs.
 */
import { connect } from "@/db/client";
import { seedDemo } from "@/lib/demo/seed";
import { ArborError } from "@/lib/shared/errors";

async function main() {
  const conn = await connect({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir: process.env.ARBOR_DATA_DIR || "./.data" });
  try {
    const summary = await seedDemo(conn.db, "cli:demo");
    console.log(`Loaded ${summary.name}: ${summary.resources} resources, ${summary.users} users, ${summary.groups} teams, ${summary.departments} departments, ${summary.grants} grants.`);
    console.log(`Open the console at /resources/${summary.organizationId}`);
  } catch (error) {
    if (!(error instanceof ArborError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  } finally {
    await conn.close();
  }
}

main();
