/**
 * The benchmark dataset at size S, imported through the bulk import: every
 * check and lookup must give exactly the answer `queries.json` expects.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import type { Connection } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { defineBenchModel, generateBenchData, type BenchQueries } from "@/lib/testing/bench-model";
import { importTuples } from "@/lib/import/import";
import { linesOf } from "@/lib/import/tuples";
import { accessEngine } from "./engine";
import { checkIn } from "./check";
import { lookupResources, lookupSubjects } from "./lookup";

let conn: Connection;
let queries: BenchQueries;
let dir: string;

before(async () => {
  conn = await openTestDatabase();
  const data = generateBenchData(["--size", "S"]);
  dir = data.dir;
  queries = data.queries;
  await defineBenchModel(conn.db);
  const lines = linesOf(fs.createReadStream(data.tuples, "utf8"));
  const { value } = await importTuples(conn.db, "test", lines);
  assert.equal(value.created.resources, 10_000 - value.created.organizations);
});

after(async () => {
  await conn.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("all 20,000 checks answer as expected", async () => {
  const state = await accessEngine(conn.db).fresh();
  const wrong = queries.checks.filter(([resource, action, subject, expected]) => checkIn(state, { subject, action, resource }) !== expected);
  assert.deepEqual(wrong.slice(0, 5), []);
  assert.equal(queries.checks.length, 20_000);
});

test("lookup resources counts match", async () => {
  const wrong: unknown[] = [];
  for (const [subject, resourceType, action, expected] of queries.lookupResources) {
    const { data } = await lookupResources(conn.db, { subject, resourceType, action, limit: 1000 });
    let count = data.length;
    let cursor = data.at(-1)?.id;
    while (count === 1000 * Math.ceil(count / 1000) && count > 0 && cursor) {
      const next = await lookupResources(conn.db, { subject, resourceType, action, limit: 1000, cursor });
      count += next.data.length;
      cursor = next.nextCursor ? next.data.at(-1)?.id : undefined;
      if (!next.nextCursor) break;
    }
    if (count !== expected) wrong.push({ subject, action, expected, count });
  }
  assert.deepEqual(wrong.slice(0, 5), []);
});

test("lookup subjects counts match", async () => {
  const wrong: unknown[] = [];
  for (const [resource, action, , expected] of queries.lookupSubjects) {
    const { data } = await lookupSubjects(conn.db, { resource, action, limit: 1000, includeActions: false });
    if (data.length !== expected) wrong.push({ resource, action, expected, got: data.length });
  }
  assert.deepEqual(wrong.slice(0, 5), []);
});
