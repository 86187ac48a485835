import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { ArborError } from "@/lib/shared/errors";
import { createUser, deleteUser, getUser } from "@/lib/subjects/users";
import { listChanges, changeQuerySchema } from "./changes";
import { currentRevision, writeTogether } from "./write";

let conn: Connection;

before(async () => {
  conn = await openTestDatabase();
});
after(() => conn.close());

const changesAfter = async (revision: number) => (await listChanges(conn.db, changeQuerySchema.parse({ after: revision }))).data;

test("writes made together share one revision and commit; a skipped item's savepoint leaves no trace", async () => {
  const start = await currentRevision(conn.db);
  const { value, revision } = await writeTogether(conn.db, "batch", async (db) => {
    const a = (await createUser(db, "batch", { externalId: "together-a" })).value;
    await deleteUser(db, "batch", "nobody").catch((error: unknown) => assert.ok(error instanceof ArborError && error.kind === "not_found"));
    const b = (await createUser(db, "batch", { externalId: "together-b" })).value;
    return [a.id, b.id];
  });
  assert.equal(revision, start + 1);
  assert.equal(await currentRevision(conn.db), start + 1);
  const entries = await changesAfter(start);
  assert.deepEqual(entries.map((e) => [e.revision, e.actor, e.entityId]), value.map((id) => [revision, "batch", id]));
});

test("an error escaping the batch rolls back every write in it, the revision included", async () => {
  const start = await currentRevision(conn.db);
  await assert.rejects(
    writeTogether(conn.db, "batch", async (db) => {
      await createUser(db, "batch", { externalId: "rolled-back" });
      await createUser(db, "batch", { externalId: "rolled-back" });
    }),
    (error: unknown) => error instanceof ArborError && error.kind === "conflict",
  );
  assert.equal(await currentRevision(conn.db), start);
  await assert.rejects(getUser(conn.db, "rolled-back"), (error: unknown) => error instanceof ArborError && error.kind === "not_found");
  assert.deepEqual(await changesAfter(start), []);
});
