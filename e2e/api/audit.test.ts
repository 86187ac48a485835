/**
 * The audit trail over real HTTP: a write through each API family is
 * attributed in the change log (GET /api/v1/changes) to the key that made
 * it — `key:<name>` for API keys (native and WorkOS families),
 * `access-key:<name>` for GenAuth access keys — and no API of any family
 * alters or deletes a change-log entry. (The console's attribution to its
 * administrator is covered by the browser tests.)
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { api, apiKey, baseUrl, unique } from "./client";
import { accessKey, ok, signedRequest, type TestAccessKey } from "./genauth-fixtures";
import { workos } from "./workos-fixtures";

const n = unique("au");
const org = {} as { id: string; scopeId: string };

async function native(method: string, path: string, body?: unknown, key?: string) {
  const res = await api(method, path, body, { key });
  assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const entriesOf = async (entityId: string) => (await native("GET", `/api/v1/changes?entityId=${encodeURIComponent(entityId)}&limit=1000`)).data;

before(async () => {
  Object.assign(org, await native("POST", "/api/v1/organizations", { externalId: n, name: "Audited" }));
});

test("native API: a write is attributed to its API key, `key:<name>`; creating the key is attributed to its creator", async () => {
  const created = await native("POST", "/api/v1/api-keys", { name: `audit-native-${n}` });
  const group = await native("POST", "/api/v1/groups", { organizationId: org.id, name: "Audited group" }, created.secret);
  assert.deepEqual((await entriesOf(group.id)).map((e: any) => [e.operation, e.actor, e.revision]), [["create", `key:audit-native-${n}`, group.revision]]);
  const keyEntries = await entriesOf(created.id);
  assert.deepEqual(keyEntries.map((e: any) => [e.operation, e.actor]), [["create", "key:ARBOR_API_KEY"]]);
  assert.ok(!JSON.stringify(keyEntries).includes(created.secret), "the change log never holds a secret");
  assert.equal(keyEntries[0].after.hash, undefined);
});

test("WorkOS family: a write through the SDK is attributed to its API key", async () => {
  const name = `audit-workos-${n}`;
  const w = workos((await native("POST", "/api/v1/api-keys", { name })).secret);
  const made = await w.organizations.createOrganization({ name: "Made through WorkOS" });
  const entries = await entriesOf(made.id);
  assert.deepEqual(entries.map((e: any) => [e.entityType, e.operation, e.actor]), [["organization", "create", `key:${name}`]]);
  const membershipUser = await w.userManagement.createUser({ email: `${n}@example.com` });
  assert.deepEqual((await entriesOf(membershipUser.id)).map((e: any) => e.actor), [`key:${name}`]);
});

test("GenAuth family: a write through the SDK is attributed to its access key, `access-key:<name>`", async () => {
  const key: TestAccessKey = await accessKey({ name: `audit-genauth-${n}`, organizationId: org.id });
  await ok(key.sdk, "createNamespace", { code: `${n}-ns` });
  const group = await ok(key.sdk, "createGroup", { code: `${n}-g`, name: "Audited" });
  assert.deepEqual((await entriesOf(group.id)).map((e: any) => [e.operation, e.actor]), [["create", `access-key:audit-genauth-${n}`]]);
  const written = (await native("GET", `/api/v1/changes?actor=${encodeURIComponent(`access-key:audit-genauth-${n}`)}&limit=100`)).data;
  assert.deepEqual(written.map((e: any) => e.entityType).sort(), ["group", "resource_type"]);
  const keyEntries = await entriesOf(key.id);
  assert.deepEqual(keyEntries.map((e: any) => [e.entityType, e.operation, e.actor]), [["access_key", "create", "key:ARBOR_API_KEY"]]);
  assert.ok(!JSON.stringify(keyEntries).includes(key.secret), "the change log never holds a secret");
  assert.equal(keyEntries[0].after.secretCiphertext, undefined);
});

test("no API alters or deletes a change-log entry", async () => {
  const entry = (await entriesOf(org.id))[0];
  assert.ok(entry?.id, JSON.stringify(entry));
  const restricted = (await native("POST", "/api/v1/api-keys", { name: `audit-tenant-${n}`, organizationId: org.id })).secret;
  const forged = { ...entry, actor: "someone-else", operation: "delete" };
  const refusals: string[] = [];
  for (const key of [apiKey, restricted]) {
    for (const method of ["PUT", "PATCH", "DELETE", "POST"]) {
      for (const path of ["/api/v1/changes", `/api/v1/changes/${entry.id}`, `/api/v1/changes?entityId=${org.id}`, `/api/v1/changes/${entry.id}/actor`]) {
        const res = await fetch(`${baseUrl}${path}`, { method, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(forged) });
        if (![404, 405].includes(res.status)) refusals.push(`${method} ${path} → ${res.status}`);
      }
    }
    // The other families have no change-log endpoint at all.
    for (const path of ["/authorization/changes", `/authorization/changes/${entry.id}`, "/organizations/changes/x", "/user_management/changes"]) {
      const res = await fetch(`${baseUrl}${path}`, { method: "DELETE", headers: { authorization: `Bearer ${key}` } });
      if (res.status !== 404) refusals.push(`DELETE ${path} → ${res.status}`);
    }
  }
  const genauth = await accessKey({ name: `audit-genauth-probe-${n}` });
  for (const verb of ["delete-changes", "update-change", "list-changes"]) {
    const { url, init } = signedRequest({ method: "POST", path: `/api/v3/${verb}`, params: { id: entry.id }, accessKeyId: genauth.accessKeyId, secret: genauth.secret });
    const res = await fetch(url, init);
    if (res.status !== 404) refusals.push(`POST /api/v3/${verb} → ${res.status}`);
  }
  assert.deepEqual(refusals, [], "every attempt is a 404 or 405");
  assert.deepEqual((await entriesOf(org.id))[0], entry, "the entry is exactly as before");
});
