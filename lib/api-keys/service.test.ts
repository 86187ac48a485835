import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import type { Connection } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { openTestDatabase } from "@/lib/testing/database";
import { ArborError } from "@/lib/shared/errors";
import { createOrganization } from "@/lib/organizations/service";
import { authenticateApiKey, createApiKey, listApiKeys, listApiKeyViews, revokeApiKey } from "./service";

let conn: Connection;
before(async () => {
  conn = await openTestDatabase();
});
after(() => conn.close());

describe("API keys", () => {
  test("the secret is in the create answer only: stored as a hash, listed by its prefix", async () => {
    const { value } = await createApiKey(conn.db, "t", { name: "ci" });
    assert.match(value.secret, /^arbor_sk_/);
    assert.equal(value.key.prefix, value.secret.slice(0, 14));
    const [row] = await conn.db.select().from(apiKeys).where(eq(apiKeys.id, value.key.id));
    assert.notEqual(row.hash, value.secret);
    assert.ok(!row.hash.includes(value.secret));
    assert.ok((await listApiKeys(conn.db)).every((k) => !("hash" in k)));
  });

  test("authentication marks the key used; a revoked key is refused at once and stays listed as revoked", async () => {
    const { value } = await createApiKey(conn.db, "t", { name: "app" });
    assert.equal(value.key.lastUsedAt, null);
    assert.equal((await authenticateApiKey(conn.db, value.secret))?.id, value.key.id);
    const [used] = await conn.db.select().from(apiKeys).where(eq(apiKeys.id, value.key.id));
    assert.ok(used.lastUsedAt, "last use stored");

    await revokeApiKey(conn.db, "t", value.key.id);
    assert.equal(await authenticateApiKey(conn.db, value.secret), null);
    const listed = (await listApiKeyViews(conn.db)).find((k) => k.id === value.key.id);
    assert.ok(listed?.revokedAt, "listed, with its revocation time");
    assert.ok(listed?.lastUsedAt);
  });

  test("the console's list names the organization a key is restricted to", async () => {
    const org = (await createOrganization(conn.db, "t", { externalId: "tenant-k", name: "Tenant K" })).value;
    const bound = await createApiKey(conn.db, "t", { name: "tenant", organizationId: "tenant-k", readOnly: true });
    const free = await createApiKey(conn.db, "t", { name: "everything" });
    const views = await listApiKeyViews(conn.db);
    const boundView = views.find((k) => k.id === bound.value.key.id);
    assert.equal(boundView?.organizationId, org.id);
    assert.equal(boundView?.organizationName, "Tenant K");
    assert.equal(boundView?.readOnly, true);
    assert.equal(views.find((k) => k.id === free.value.key.id)?.organizationName, null);
    assert.deepEqual(views.map((k) => k.id), (await listApiKeys(conn.db)).map((k) => k.id), "the same keys in the same order as the API lists them");
  });

  test("an empty name and an unknown organization are refused, naming the field", async () => {
    await assert.rejects(createApiKey(conn.db, "t", { name: " " }), (e: unknown) => e instanceof ArborError && e.issues[0]?.field === "name");
    await assert.rejects(createApiKey(conn.db, "t", { name: "x", organizationId: "nowhere" }), (e: unknown) => e instanceof ArborError && e.issues[0]?.field === "organizationId");
  });
});
