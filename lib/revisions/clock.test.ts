import { test } from "node:test";
import assert from "node:assert/strict";
import type { Database } from "@/db/client";
import { revisionClock, withinRequest } from "./clock";

/**
 * A stand-in for a PostgreSQL database that another process writes to: each
 * read of the revision counter is counted and answers only when released.
 */
const turn = () => new Promise((r) => setImmediate(r));

function sharedDatabase() {
  let counter = 1;
  let released = 0;
  const pending: (() => void)[] = [];
  const db = {
    select: () => ({
      from: () => ({
        where: () => ({
          prepare: () => ({
            execute: () =>
              new Promise<{ value: number }[]>((resolve) => {
                const value = counter;
                pending.push(() => resolve([{ value }]));
              }),
          }),
        }),
      }),
    }),
  } as unknown as Database;
  return {
    db,
    reads: () => pending.length + released,
    commitElsewhere: () => void counter++,
    /** Answers the oldest read still waiting (reads are sent once the current turn of the event loop is done). */
    release: async () => {
      await turn();
      released++;
      pending.shift()!();
      await new Promise((r) => setImmediate(r));
    },
  };
}

test("outside a request every call waits for a read that started after it", async () => {
  const pg = sharedDatabase();
  const clock = revisionClock(pg.db);
  const first = clock.latest();
  await pg.release();
  assert.equal(await first, 1);
  pg.commitElsewhere();
  const second = clock.latest();
  await pg.release();
  assert.equal(await second, 2);
  assert.equal(pg.reads(), 2);
});

test("within a request, authentication and the check share one read made after the request arrived", async () => {
  const pg = sharedDatabase();
  const clock = revisionClock(pg.db);
  await withinRequest(pg.db, async () => {
    const forKey = clock.latest();
    await pg.release();
    assert.equal(await forKey, 1);
    assert.equal(await clock.latest(), 1, "the second caller reuses the read");
  });
  assert.equal(pg.reads(), 1);
});

test("a read sent before the request arrived is not fresh enough for it", async () => {
  const pg = sharedDatabase();
  const clock = revisionClock(pg.db);
  const early = clock.latest();
  await turn();
  pg.commitElsewhere();
  const inRequest = withinRequest(pg.db, () => clock.latest());
  await pg.release();
  assert.equal(await early, 1);
  await pg.release();
  assert.equal(await inRequest, 2, "the request waits for the next read, which sees the commit made before it arrived");
  assert.equal(pg.reads(), 2);
});

test("callers in one turn of the event loop share one read, sent after all of them arrived", async () => {
  const pg = sharedDatabase();
  const clock = revisionClock(pg.db);
  const early = clock.latest();
  pg.commitElsewhere();
  const requests = [1, 2, 3].map(() => withinRequest(pg.db, () => clock.latest()));
  await pg.release();
  assert.deepEqual(await Promise.all([early, ...requests]), [2, 2, 2, 2], "the read went out after the commit, so it sees it");
  assert.equal(pg.reads(), 1);
});

test("requests that arrive while a read is in flight share the next one", async () => {
  const pg = sharedDatabase();
  const clock = revisionClock(pg.db);
  const early = clock.latest();
  await turn();
  const requests = [1, 2, 3].map(() => withinRequest(pg.db, () => clock.latest()));
  await pg.release();
  await pg.release();
  assert.deepEqual(await Promise.all([early, ...requests]), [1, 1, 1, 1]);
  assert.equal(pg.reads(), 2);
});
