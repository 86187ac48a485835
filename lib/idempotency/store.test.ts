import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { ABANDONED_MS, claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey, RETENTION_MS } from "./store";

let conn: Connection;
before(async () => {
  conn = await openTestDatabase();
});
after(() => conn.close());

const request = (key: string, requestHash = "h1") => ({ apiKeyId: "key_1", key, method: "POST", path: "/authorization/resources", requestHash });

describe("idempotency keys", () => {
  test("the first request claims the key; a repeat replays the stored answer", async () => {
    assert.deepEqual(await claimIdempotencyKey(conn.db, request("a")), { kind: "claimed" });
    assert.deepEqual(await claimIdempotencyKey(conn.db, request("a")), { kind: "in_progress" });
    await completeIdempotencyKey(conn.db, request("a"), 201, '{"id":"x"}');
    assert.deepEqual(await claimIdempotencyKey(conn.db, request("a")), { kind: "replay", status: 201, body: '{"id":"x"}' });
  });

  test("a different request under the same key is refused; keys are per API key", async () => {
    await claimIdempotencyKey(conn.db, request("b"));
    await completeIdempotencyKey(conn.db, request("b"), 201, "{}");
    assert.equal((await claimIdempotencyKey(conn.db, request("b", "other"))).kind, "mismatch");
    assert.equal((await claimIdempotencyKey(conn.db, { ...request("b"), apiKeyId: "key_2" })).kind, "claimed");
  });

  test("released, abandoned and expired keys can be used again", async () => {
    await claimIdempotencyKey(conn.db, request("c"));
    await releaseIdempotencyKey(conn.db, request("c"));
    assert.equal((await claimIdempotencyKey(conn.db, request("c"))).kind, "claimed");
    const later = new Date(Date.now() + ABANDONED_MS + 1000);
    assert.equal((await claimIdempotencyKey(conn.db, request("c"), later)).kind, "claimed", "a claim never completed is abandoned");
    await completeIdempotencyKey(conn.db, request("c"), 200, "{}");
    const inADay = new Date(later.getTime() + RETENTION_MS - 1000);
    assert.equal((await claimIdempotencyKey(conn.db, request("c"), inADay)).kind, "replay", "kept for 24 hours");
    const afterADay = new Date(later.getTime() + RETENTION_MS + 1000);
    assert.equal((await claimIdempotencyKey(conn.db, request("c", "new"), afterADay)).kind, "claimed");
  });
});
