import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Connection } from "@/db/client";
import { accessKeys } from "@/db/schema";
import { openTestDatabase } from "@/lib/testing/database";
import { ArborError } from "@/lib/shared/errors";
import { createOrganization } from "@/lib/organizations/service";
import { claimNonce, NONCE_WINDOW_MS } from "./nonces";
import { configureServerKey, openSecret, sealSecret } from "./server-key";
import { createAccessKey, listAccessKeys, listAccessKeyViews, openAccessKey, organizationOf, revokeAccessKey, setUpAccessKeys } from "./service";

let conn: Connection;
before(async () => {
  conn = await openTestDatabase();
  configureServerKey({ secret: "test server secret", kind: "pglite" });
});
after(() => conn.close());

describe("server key", () => {
  test("a sealed secret opens only with the same server key and access key id", () => {
    const sealed = sealSecret("s3cret", "ak_1");
    assert.ok(!sealed.includes("s3cret"));
    assert.equal(openSecret(sealed, "ak_1"), "s3cret");
    assert.equal(openSecret(sealed, "ak_2"), null, "bound to its access key id");
    configureServerKey({ secret: "another server secret", kind: "pglite" });
    assert.equal(openSecret(sealed, "ak_1"), null, "another server key cannot open it");
    configureServerKey({ secret: "test server secret", kind: "pglite" });
  });

  test("without ARBOR_SECRET: PGlite persists a generated key in the data dir, PostgreSQL refuses", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arbor-key-"));
    try {
      configureServerKey({ kind: "pglite", dataDir: dir });
      const sealed = sealSecret("s", "ak_1");
      assert.equal(fs.statSync(path.join(dir, "server-secret")).mode & 0o777, 0o600);
      configureServerKey({ kind: "pglite", dataDir: dir });
      assert.equal(openSecret(sealed, "ak_1"), "s", "the same key after a restart");
      configureServerKey({ kind: "postgres" });
      assert.throws(() => sealSecret("s", "ak_1"), (e: unknown) => e instanceof ArborError && /ARBOR_SECRET/.test(e.message));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      configureServerKey({ secret: "test server secret", kind: "pglite" });
    }
  });
});

describe("access keys", () => {
  test("created with the secret shown once, stored sealed, opened for verification, revoked", async () => {
    const { value } = await createAccessKey(conn.db, "t", { name: "ci" });
    assert.match(value.key.accessKeyId, /^ak_[0-9a-f]{24}$/);
    const [row] = await conn.db.select().from(accessKeys).where(eq(accessKeys.id, value.key.id));
    assert.ok(!row.secretCiphertext.includes(value.secret));
    assert.ok(!("secretCiphertext" in value.key));
    const opened = await openAccessKey(conn.db, value.key.accessKeyId);
    assert.equal(opened?.secret, value.secret);
    assert.ok((await listAccessKeys(conn.db)).some((k) => k.id === value.key.id));
    await revokeAccessKey(conn.db, "t", value.key.id);
    assert.equal(await openAccessKey(conn.db, value.key.accessKeyId), null);
    assert.equal(await openAccessKey(conn.db, "ak_unknown"), null);
  });

  test("bound to an organization, or acting in the default organization", async () => {
    await createOrganization(conn.db, "t", { externalId: "tenant-a", name: "Tenant A" });
    const bound = await createAccessKey(conn.db, "t", { name: "a", organizationId: "tenant-a" });
    assert.equal((await organizationOf(conn.db, bound.value.key)).externalId, "tenant-a");
    const free = await createAccessKey(conn.db, "t", { name: "b" });
    const first = await organizationOf(conn.db, free.value.key);
    assert.equal(first.externalId, "default");
    assert.equal((await organizationOf(conn.db, free.value.key)).id, first.id, "created once");
  });

  test("the console's list names each key's organization and keeps revoked keys", async () => {
    await createOrganization(conn.db, "t", { externalId: "tenant-v", name: "Tenant V" });
    const bound = await createAccessKey(conn.db, "t", { name: "v", organizationId: "tenant-v", readOnly: true });
    const free = await createAccessKey(conn.db, "t", { name: "w" });
    await revokeAccessKey(conn.db, "t", free.value.key.id);
    const views = await listAccessKeyViews(conn.db);
    assert.equal(views.find((k) => k.id === bound.value.key.id)?.organizationName, "Tenant V");
    const revoked = views.find((k) => k.id === free.value.key.id);
    assert.equal(revoked?.organizationName, null, "acts in the default organization");
    assert.ok(revoked?.revokedAt);
    assert.ok(views.every((k) => !("secretCiphertext" in k)));
    assert.deepEqual(views.map((k) => k.id), (await listAccessKeys(conn.db)).map((k) => k.id));
  });

  test("start-up makes the configured key exist, and re-seals it when its secret changes", async () => {
    const options = { secret: "test server secret", kind: "pglite" as const, accessKeyId: "ak_from_env", accessKeySecret: "first-secret-0123456789" };
    await setUpAccessKeys(conn.db, options);
    await setUpAccessKeys(conn.db, options);
    assert.equal((await openAccessKey(conn.db, "ak_from_env"))?.secret, "first-secret-0123456789");
    await setUpAccessKeys(conn.db, { ...options, accessKeySecret: "second-secret-0123456789" });
    assert.equal((await openAccessKey(conn.db, "ak_from_env"))?.secret, "second-secret-0123456789");
    assert.equal((await listAccessKeys(conn.db)).filter((k) => k.accessKeyId === "ak_from_env").length, 1);
  });
});

describe("nonces", () => {
  test("a nonce is accepted once per key within the window, again after it", async () => {
    const now = new Date("2026-11-23T06:00:00Z");
    assert.equal(await claimNonce(conn.db, "ak_n", "n1", now), true);
    assert.equal(await claimNonce(conn.db, "ak_n", "n1", now), false, "replayed");
    assert.equal(await claimNonce(conn.db, "ak_other", "n1", now), true, "per access key");
    const later = new Date(now.getTime() + NONCE_WINDOW_MS + 1000);
    assert.equal(await claimNonce(conn.db, "ak_n", "n1", later), true, "outside the window its date would be refused anyway");
  });
});
