/**
 * Bulk import: a large load into empty tables sets their indexes and foreign
 * keys aside and must put back exactly what was there; an error anywhere —
 * even in the last chunk, after rows went in — writes nothing; COPY keeps
 * every character of an id; a re-import creates nothing twice.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { count, eq, sql } from "drizzle-orm";
import type { Connection, Database } from "@/db/client";
import { grants, organizations, resources } from "@/db/schema";
import { openTestDatabase } from "@/lib/testing/database";
import { defineBenchModel } from "@/lib/testing/bench-model";
import { accessEngine } from "@/lib/access/engine";
import { checkIn } from "@/lib/access/check";
import { ArborError } from "@/lib/shared/errors";
import { importTuples } from "./import";

let conn: Connection;

before(async () => {
  conn = await openTestDatabase();
  await defineBenchModel(conn.db);
});

after(async () => {
  await conn.close();
});

async function* linesOf(lines: string[]) {
  yield* lines;
}

/** Secondary indexes and foreign keys of the tables a large load sets aside, as the catalog describes them. */
async function catalog(db: Database) {
  const result = (await db.execute(sql`
    select 'index ' || pg_get_indexdef(indexrelid) as d from pg_index where indrelid in ('resources'::regclass, 'grants'::regclass, 'group_members'::regclass)
    union all
    select 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) from pg_constraint where conrelid in ('resources'::regclass, 'grants'::regclass, 'group_members'::regclass)
    order by 1`)) as unknown as { d: string }[] | { rows: { d: string }[] };
  return (Array.isArray(result) ? result : result.rows).map((r) => r.d);
}

/** A tree of `folders` folders with `perFolder` documents each, plus one grant per folder and a group. */
function bigImport(org: string, folders: number, perFolder: number): string[] {
  const lines = [`workspace:${org}-ws#parent@organization:${org}`, `group:${org}-g#member@user:${org}-u1`, `workspace:${org}-ws#viewer@group:${org}-g#member`];
  for (let f = 0; f < folders; f++) {
    lines.push(`folder:${org}-f${f}#parent@workspace:${org}-ws`);
    for (let d = 0; d < perFolder; d++) lines.push(`document:${org}-f${f}-d${d}#parent@folder:${org}-f${f}`);
    lines.push(`folder:${org}-f${f}#viewer@user:${org}-u${f % 50}`);
  }
  return lines;
}

const rowCount = async (db: Database, table: typeof resources | typeof grants) => (await db.select({ n: count() }).from(table))[0].n;

test("an error in the last chunk of a large load writes nothing, and the indexes stay as they were", async () => {
  const before = await catalog(conn.db);
  const lines = bigImport("broken", 500, 50);
  lines.push("document:broken-x#parent@folder:nowhere");
  await assert.rejects(importTuples(conn.db, "t", linesOf(lines)), (error: unknown) => {
    assert.ok(error instanceof ArborError && error.kind === "validation");
    assert.equal(error.issues[0].field, `line ${lines.length}`);
    return true;
  });
  assert.equal(await rowCount(conn.db, resources), 0);
  assert.equal((await conn.db.select().from(organizations).where(eq(organizations.externalId, "broken"))).length, 0);
  assert.deepEqual(await catalog(conn.db), before);
});

test("a body that breaks off after the first chunk was written writes nothing", async () => {
  const before = await catalog(conn.db);
  async function* breaking() {
    yield* bigImport("cut", 500, 50).slice(0, 25_000);
    throw new Error("connection reset");
  }
  await assert.rejects(importTuples(conn.db, "t", breaking()), /connection reset/);
  assert.equal(await rowCount(conn.db, resources), 0);
  assert.deepEqual(await catalog(conn.db), before);
});

test("a large load into empty tables puts back every index and foreign key, and the engine sees all of it", async () => {
  const before = await catalog(conn.db);
  assert.ok(before.some((d) => d.includes("resources_parent_idx")) && before.some((d) => d.includes("FOREIGN KEY (parent_id)")) && before.some((d) => d.includes("group_members_member_idx")));
  const lines = bigImport("big", 500, 50);
  const { value } = await importTuples(conn.db, "t", linesOf(lines));
  assert.equal(value.created.resources, 1 + 500 + 500 * 50);
  assert.equal(value.created.organizations, 1);
  assert.equal(value.created.grants, 501);
  assert.equal(value.created.groupMembers, 1);
  assert.equal(await rowCount(conn.db, resources), 1 + 1 + 500 + 500 * 50);
  assert.deepEqual(await catalog(conn.db), before);
  const state = await accessEngine(conn.db).fresh();
  assert.equal(checkIn(state, { subject: "user:big-u7", action: "view", resource: "document:big-f57-d49" }), true);
  assert.equal(checkIn(state, { subject: "user:big-u7", action: "view", resource: "document:big-f58-d49" }), false);
  assert.equal(checkIn(state, { subject: "user:big-u1", action: "view", resource: "document:big-f58-d49" }), true, "through the group");
});

test("resources that come after their table was rebuilt mid-load still go in, and an error after the rebuild still writes nothing", async () => {
  const before = await catalog(conn.db);
  // 20,000 resources fill the first chunk, the second only grants: the resource table's rebuild is queued then.
  const lines = ["workspace:late-ws#parent@organization:late"];
  for (let f = 1; f < 20_000; f++) lines.push(`folder:late-f${f}#parent@workspace:late-ws`);
  lines.push("workspace:late-ws#viewer@user:late-u0");
  for (let f = 1; f < 20_000; f++) lines.push(`folder:late-f${f}#viewer@user:late-u${f % 50}`);
  for (let d = 0; d < 100; d++) lines.push(`document:late-d${d}#parent@folder:late-f${d + 1}`, `document:late-d${d}#editor@user:late-v${d}`);
  lines.push("document:late-x#parent@document:late-nowhere");
  await assert.rejects(importTuples(conn.db, "t", linesOf(lines)), /late-nowhere/);
  assert.equal((await conn.db.select().from(organizations).where(eq(organizations.externalId, "late"))).length, 0);
  assert.deepEqual(await catalog(conn.db), before);
  lines.pop();
  const { value } = await importTuples(conn.db, "t", linesOf(lines));
  assert.equal(value.created.resources, 20_000 + 100);
  assert.equal(value.created.grants, 20_000 + 100);
  assert.deepEqual(await catalog(conn.db), before);
  const state = await accessEngine(conn.db).fresh();
  assert.equal(checkIn(state, { subject: "user:late-v7", action: "edit", resource: "document:late-d7" }), true);
  assert.equal(checkIn(state, { subject: "user:late-u8", action: "view", resource: "document:late-d7" }), true, "from the folder");
  assert.equal(checkIn(state, { subject: "user:late-v7", action: "edit", resource: "document:late-d8" }), false);
});

test("re-importing creates nothing twice, and a second organization's load joins the first", async () => {
  const { value: again } = await importTuples(conn.db, "t", linesOf(bigImport("big", 500, 50)));
  assert.equal(again.created.resources + again.created.grants + again.created.organizations, 0);
  assert.equal(again.skippedExisting, 1 + 500 + 500 * 50 + 501 + 1);
  const { value: other } = await importTuples(conn.db, "t", linesOf(bigImport("other", 10, 5)));
  assert.equal(other.created.resources, 1 + 10 + 50);
  assert.equal(other.created.organizations, 1);
});

test("ids keep every character COPY treats specially", async () => {
  const id = String.raw`back\slash\N\t`;
  const { value } = await importTuples(conn.db, "t", linesOf([`folder:${id}#parent@organization:quoted\\org`, `folder:${id}#viewer@user:u\\1`]));
  assert.equal(value.created.resources, 1);
  const [row] = await conn.db.select({ externalId: resources.externalId, name: resources.name }).from(resources).where(eq(resources.externalId, id));
  assert.deepEqual(row, { externalId: id, name: id });
  const state = await accessEngine(conn.db).fresh();
  assert.equal(checkIn(state, { subject: "user:u\\1", action: "view", resource: `folder:${id}` }), true);
});

test("a large load never waits for readers: with a table in use, it takes the ordinary path", async () => {
  // On PostgreSQL another transaction holds the grants table while the import runs; embedded PGlite has no other connection.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let reading: Promise<unknown> = Promise.resolve();
  if (conn.kind === "postgres") {
    let begun!: () => void;
    const reader = new Promise<void>((resolve) => (begun = resolve));
    reading = conn.db.transaction(async (tx) => {
      await tx.select({ id: grants.id }).from(grants).limit(1);
      begun();
      await held;
    });
    await reader;
  }
  const before = await catalog(conn.db);
  const { value } = await importTuples(conn.db, "t", linesOf(bigImport("busy", 500, 50)));
  release();
  await reading;
  assert.equal(value.created.resources, 1 + 500 + 500 * 50);
  assert.deepEqual(await catalog(conn.db), before);
});
