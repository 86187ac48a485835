import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { createUser, updateUser } from "@/lib/subjects/users";
import { listRecentChanges } from "./recent";

let conn: Connection;

before(async () => {
  conn = await openTestDatabase();
});
after(() => conn.close());

test("the newest changes come first, filtered by entity and actor, paged by id", async () => {
  const ada = (await createUser(conn.db, "admin:ada@example.com", { externalId: "ada", name: "Ada" })).value;
  await updateUser(conn.db, "admin:ada@example.com", ada.id, { name: "Ada L." });
  await createUser(conn.db, "cli", { externalId: "bo" });

  const all = await listRecentChanges(conn.db, { entityType: "user" });
  assert.deepEqual(all.data.map((c) => `${c.operation}:${c.actor}`), ["create:cli", "update:admin:ada@example.com", "create:admin:ada@example.com"]);

  const ofAda = await listRecentChanges(conn.db, { entityId: ada.id, limit: 1 });
  assert.equal(ofAda.data[0].operation, "update");
  assert.deepEqual((ofAda.data[0].before as { name: string }).name, "Ada");
  assert.deepEqual((ofAda.data[0].after as { name: string }).name, "Ada L.");
  const next = await listRecentChanges(conn.db, { entityId: ada.id, before: ofAda.nextCursor });
  assert.deepEqual(next.data.map((c) => c.operation), ["create"]);
  assert.equal(next.nextCursor, null);

  assert.equal((await listRecentChanges(conn.db, { actor: "cli" })).data.length, 1);
  assert.equal((await listRecentChanges(conn.db, { until: new Date(0) })).data.length, 0);
});
