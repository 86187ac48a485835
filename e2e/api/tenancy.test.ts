/**
 * Tenant isolation over real HTTP: a key restricted to organization A sees
 * and changes nothing of organization B — every answer is as if B's objects
 * did not exist (404), lists leave them out — while users, environment-wide
 * groups and the definitions A's scope sees stay readable. Also: API-key
 * management, read-only keys, revocation, and the change log naming the key.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { api, unique } from "./client";

const otherUrl = process.env.ARBOR_TEST_URL_B ?? process.env.ARBOR_TEST_URL ?? "http://127.0.0.1:3000";
const n = unique("tn");
const doc = `doc-${n}`;
const shared = `scope_${n}`;

/** Everything the tests point at, filled in by `before`. */
const f = {} as {
  tenantKey: string;
  tenantKeyName: string;
  readOnlyKey: string;
  readOnlyKeyName: string;
  a: any;
  b: any;
  aDoc: any;
  bDoc: any;
  bOnly: any;
  alice: any;
  aGroup: any;
  bGroup: any;
  envGroup: any;
  aDept: any;
  bDept: any;
  aMembership: any;
  bMembership: any;
  bGrant: any;
  bType: any;
};

async function ok(method: string, path: string, body?: unknown) {
  const res = await api(method, path, body);
  assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const asTenant = (method: string, path: string, body?: unknown) => api(method, path, body, { key: f.tenantKey });

async function notFoundForTenant(method: string, path: string, body?: unknown) {
  const res = await asTenant(method, path, body);
  assert.equal(res.status, 404, `${method} ${path} ${JSON.stringify(body) ?? ""} → ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function forbiddenForTenant(method: string, path: string, body?: unknown) {
  const res = await asTenant(method, path, body);
  assert.equal(res.status, 403, `${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
}

before(async () => {
  // Both organizations sit under a shared scope (task: organizations under a chosen scope) holding the definitions.
  await ok("POST", "/api/v1/scopes", { id: shared, name: "Tenancy definitions" });
  await ok("POST", "/api/v1/resource-types", { key: doc, name: "Doc", scopeId: shared });
  await ok("POST", "/api/v1/permissions", { action: "read", resourceType: doc, scopeId: shared });
  await ok("POST", "/api/v1/roles", { slug: `reader-${n}`, name: "Reader", scopeId: shared, permissions: [`${doc}:read`] });
  f.a = await ok("POST", "/api/v1/organizations", { externalId: `${n}-a`, name: "Tenant A", scopeId: shared });
  f.b = await ok("POST", "/api/v1/organizations", { externalId: `${n}-b`, name: "Tenant B", scopeId: shared });
  f.bType = await ok("POST", "/api/v1/resource-types", { key: `secret-${n}`, name: "B's own type", scopeId: f.b.scopeId });
  f.aDoc = await ok("POST", "/api/v1/resources", { organizationId: f.a.id, type: doc, externalId: "same", name: "A's doc" });
  f.bDoc = await ok("POST", "/api/v1/resources", { organizationId: f.b.id, type: doc, externalId: "same", name: "B's doc" });
  f.bOnly = await ok("POST", "/api/v1/resources", { organizationId: f.b.id, type: doc, externalId: "b-only", name: "Only in B", parentId: f.bDoc.id });
  f.alice = await ok("POST", "/api/v1/users", { externalId: `${n}-alice`, email: "alice@example.com" });
  f.aMembership = await ok("POST", "/api/v1/memberships", { userId: f.alice.id, organizationId: f.a.id });
  f.bMembership = await ok("POST", "/api/v1/memberships", { userId: f.alice.id, organizationId: f.b.id });
  f.aGroup = await ok("POST", "/api/v1/groups", { organizationId: f.a.id, externalId: "eng", name: `A engineers ${n}` });
  f.bGroup = await ok("POST", "/api/v1/groups", { organizationId: f.b.id, externalId: "eng", name: `B engineers ${n}` });
  f.envGroup = await ok("POST", "/api/v1/groups", { externalId: `${n}-everyone`, name: `Everyone ${n}` });
  f.aDept = await ok("POST", "/api/v1/departments", { organizationId: f.a.id, externalId: "sales", name: "A sales" });
  f.bDept = await ok("POST", "/api/v1/departments", { organizationId: f.b.id, externalId: "sales", name: "B sales" });
  await ok("POST", "/api/v1/grants", { subject: f.alice.id, role: `reader-${n}`, resource: f.aDoc.id });
  f.bGrant = await ok("POST", "/api/v1/grants", { subject: f.alice.id, role: `reader-${n}`, resource: f.bDoc.id });
  await ok("POST", "/api/v1/grants", { subject: f.bGroup.id, role: `reader-${n}`, resource: f.bOnly.id });

  f.tenantKeyName = `tenant-${n}`;
  const tenant = await ok("POST", "/api/v1/api-keys", { name: f.tenantKeyName, organizationId: `${n}-a` });
  f.tenantKey = tenant.secret;
  f.readOnlyKeyName = `reader-${n}`;
  f.readOnlyKey = (await ok("POST", "/api/v1/api-keys", { name: f.readOnlyKeyName, readOnly: true })).secret;
});

describe("native API: API keys", () => {
  test("a key is created with its secret shown once, listed without it, and a bad organization is a 404", async () => {
    const created = await api("POST", "/api/v1/api-keys", { name: `shown-once-${n}`, organizationId: f.a.externalId, readOnly: true });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.match(created.body.secret, /^arbor_sk_/);
    assert.deepEqual([created.body.organizationId, created.body.readOnly, created.body.hash], [f.a.id, true, undefined]);
    assert.equal(created.headers.get("arbor-revision"), String(created.body.revision));
    const listed = (await api("GET", "/api/v1/api-keys")).body.data.find((k: any) => k.id === created.body.id);
    assert.equal(listed.name, `shown-once-${n}`);
    assert.equal(listed.secret, undefined);
    assert.equal(listed.hash, undefined);
    assert.ok(created.body.secret.startsWith(listed.prefix));

    const unknown = await api("POST", "/api/v1/api-keys", { name: "nowhere", organizationId: "org_missing" });
    assert.deepEqual([unknown.status, unknown.body.error.issues[0].field], [404, "organizationId"]);
    assert.equal((await api("POST", "/api/v1/api-keys", { name: "" })).status, 400);
    assert.equal((await api("DELETE", "/api/v1/api-keys/key_missing")).status, 404);
  });

  test("a key restricted to an organization cannot manage keys at all", async () => {
    await forbiddenForTenant("GET", "/api/v1/api-keys");
    await forbiddenForTenant("POST", "/api/v1/api-keys", { name: "escalate" });
    await forbiddenForTenant("DELETE", `/api/v1/api-keys/key_missing`);
  });

  test("a revoked key gets 401 on its very next request, in every process", async () => {
    const { id, secret } = (await api("POST", "/api/v1/api-keys", { name: `doomed-${n}` })).body;
    assert.equal((await api("GET", "/api/v1/organizations?limit=1", undefined, { key: secret })).status, 200);
    const revoked = await api("DELETE", `/api/v1/api-keys/${id}`);
    assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
    assert.ok(revoked.body.revokedAt);
    const next = await api("GET", "/api/v1/organizations?limit=1", undefined, { key: secret });
    assert.deepEqual([next.status, next.body.error.code], [401, "unauthenticated"]);
    const elsewhere = await fetch(`${otherUrl}/api/v1/organizations?limit=1`, { headers: { authorization: `Bearer ${secret}` } });
    assert.equal(elsewhere.status, 401);
    const again = await api("DELETE", `/api/v1/api-keys/${id}`);
    assert.equal(again.body.revokedAt, revoked.body.revokedAt, "revoking twice keeps the first time");
  });

  test("a read-only key reads (200) and every write is refused (403) without writing", async () => {
    const as = (method: string, path: string, body?: unknown) => api(method, path, body, { key: f.readOnlyKey });
    assert.equal((await as("GET", `/api/v1/organizations/${f.a.id}`)).status, 200);
    assert.equal((await as("GET", `/api/v1/resources?organization=${f.a.id}`)).status, 200);
    const check = await as("POST", "/api/v1/check", { subject: f.alice.id, action: "read", resource: f.aDoc.id });
    assert.deepEqual([check.status, check.body.allowed], [200, true]);
    const writes: [string, string, unknown?][] = [
      ["POST", "/api/v1/organizations", { name: "Nope" }],
      ["PATCH", `/api/v1/organizations/${f.a.id}`, { name: "Nope" }],
      ["POST", "/api/v1/resources", { organizationId: f.a.id, type: doc, externalId: "ro", name: "Nope" }],
      ["DELETE", `/api/v1/resources/${f.aDoc.id}?cascade=true`],
      ["POST", "/api/v1/grants", { subject: f.alice.id, role: `reader-${n}`, resource: f.aDoc.id }],
      ["DELETE", `/api/v1/grants/${f.bGrant.id}`],
      ["PATCH", `/api/v1/users/${f.alice.id}`, { name: "Nope" }],
      ["POST", "/api/v1/roles", { slug: "nope", name: "Nope" }],
      ["POST", "/api/v1/api-keys", { name: "escalate" }],
      ["POST", "/api/v1/import", undefined],
    ];
    for (const [method, path, body] of writes) {
      const res = await as(method, path, body);
      assert.deepEqual([res.status, res.body.error?.code], [403, "forbidden"], `${method} ${path}`);
    }
    const changes = await api("GET", `/api/v1/changes?actor=key:${f.readOnlyKeyName}`);
    assert.deepEqual(changes.body.data, []);
  });
});

describe("native API: a key restricted to an organization", () => {
  test("sees its own organization; another one is 404 by id and by external id, and absent from the list", async () => {
    assert.equal((await asTenant("GET", `/api/v1/organizations/${f.a.externalId}`)).body.id, f.a.id);
    await notFoundForTenant("GET", `/api/v1/organizations/${f.b.id}`);
    await notFoundForTenant("GET", `/api/v1/organizations/${f.b.externalId}`);
    await notFoundForTenant("PATCH", `/api/v1/organizations/${f.b.id}`, { name: "Taken over" });
    await notFoundForTenant("DELETE", `/api/v1/organizations/${f.b.id}?cascade=true`);
    const listed = await asTenant("GET", "/api/v1/organizations?limit=1000");
    assert.deepEqual(listed.body.data.map((o: any) => o.id), [f.a.id]);
    assert.equal((await asTenant("GET", `/api/v1/organizations?search=${n}`)).body.data.length, 1);
  });

  test("another organization's resources are 404 by id, by compact ref and through every resource endpoint", async () => {
    // `doc:same` exists in both organizations: for the tenant it is simply its own, never ambiguous.
    assert.equal((await asTenant("GET", `/api/v1/resources/${doc}:same`)).body.id, f.aDoc.id);
    for (const ref of [f.bDoc.id, f.bOnly.id, `${doc}:b-only`, `organization:${f.b.externalId}`, f.b.rootResourceId]) {
      await notFoundForTenant("GET", `/api/v1/resources/${ref}`);
      await notFoundForTenant("GET", `/api/v1/resources/${ref}/children`);
      await notFoundForTenant("GET", `/api/v1/resources/${ref}/ancestors`);
      await notFoundForTenant("GET", `/api/v1/resources/${ref}/descendants`);
      await notFoundForTenant("PATCH", `/api/v1/resources/${ref}`, { name: "Mine now" });
      await notFoundForTenant("DELETE", `/api/v1/resources/${ref}?cascade=true`);
    }
    await notFoundForTenant("GET", `/api/v1/resources/${doc}:same?organization=${f.b.id}`);
    await notFoundForTenant("GET", `/api/v1/resources?organization=${f.b.id}`);
    await notFoundForTenant("GET", `/api/v1/resources?organization=${f.b.externalId}&search=b`);
    await notFoundForTenant("POST", `/api/v1/resources/${f.bOnly.id}/move`, { parentId: f.b.rootResourceId });
    await notFoundForTenant("POST", `/api/v1/resources/${f.aDoc.id}/move`, { parentId: f.bDoc.id });
    await notFoundForTenant("POST", `/api/v1/resources/${f.aDoc.id}/move`, { parentId: `${doc}:b-only` });
  });

  test("another organization's groups, departments, memberships and grants are 404 by id and by compact ref", async () => {
    assert.equal((await asTenant("GET", "/api/v1/groups/group:eng")).body.id, f.aGroup.id);
    assert.equal((await asTenant("GET", "/api/v1/departments/department:sales")).body.id, f.aDept.id);
    for (const path of [
      `/api/v1/groups/${f.bGroup.id}`,
      `/api/v1/groups/group:${f.bGroup.id}`,
      `/api/v1/groups/eng?organization=${f.b.id}`,
      `/api/v1/departments/${f.bDept.id}`,
      `/api/v1/departments/department:${f.bDept.id}`,
      `/api/v1/departments/sales?organization=${f.b.externalId}`,
      `/api/v1/memberships/${f.bMembership.id}`,
      `/api/v1/memberships/membership:${f.bMembership.id}`,
      `/api/v1/grants/${f.bGrant.id}`,
    ]) {
      await notFoundForTenant("GET", path);
      await notFoundForTenant("DELETE", path);
    }
    await notFoundForTenant("PATCH", `/api/v1/groups/${f.bGroup.id}`, { name: "Mine" });
    await notFoundForTenant("PATCH", `/api/v1/departments/${f.bDept.id}`, { name: "Mine" });
    await notFoundForTenant("GET", `/api/v1/groups/${f.bGroup.id}/members`);
    await notFoundForTenant("POST", `/api/v1/groups/${f.bGroup.id}/members`, { id: f.alice.id });
    await notFoundForTenant("POST", `/api/v1/groups/${f.aGroup.id}/members`, { id: f.bGroup.id });
    await notFoundForTenant("GET", `/api/v1/departments/${f.bDept.id}/members`);
    await notFoundForTenant("POST", `/api/v1/departments/${f.bDept.id}/members`, { userId: f.alice.id });
    await notFoundForTenant("PATCH", `/api/v1/departments/${f.aDept.id}`, { parentId: f.bDept.id });
    await notFoundForTenant("DELETE", "/api/v1/grants", { subject: f.alice.id, role: `reader-${n}`, resource: f.bDoc.id });
  });

  test("lists never leak another organization's objects", async () => {
    const ids = async (path: string) => {
      const res = await asTenant("GET", path);
      assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
      return res.body.data.map((x: any) => x.id as string);
    };
    const groups = await ids(`/api/v1/groups?limit=1000&search=${n}`);
    assert.ok(groups.includes(f.aGroup.id) && groups.includes(f.envGroup.id), "its own and environment-wide groups");
    assert.ok(!groups.includes(f.bGroup.id));
    assert.deepEqual(await ids(`/api/v1/memberships?user=${f.alice.id}`), [f.aMembership.id]);
    const grants = (await asTenant("GET", `/api/v1/grants?subject=${f.alice.id}&limit=1000`)).body.data;
    assert.deepEqual(grants.map((g: any) => g.organizationId), [f.a.id]);
    assert.ok((await asTenant("GET", "/api/v1/grants?limit=1000")).body.data.every((g: any) => g.organizationId === f.a.id));
    assert.deepEqual(await ids(`/api/v1/grants?resource=${doc}:same`), (await asTenant("GET", `/api/v1/grants?organization=${f.a.id}`)).body.data.map((g: any) => g.id));
    const scopes = await ids("/api/v1/scopes");
    assert.deepEqual(scopes.sort(), [f.a.scopeId, shared, "scope_default"].sort());
    assert.deepEqual(await ids(`/api/v1/scopes/${shared}/children`), [f.a.scopeId]);
    const changes = (await asTenant("GET", "/api/v1/changes?limit=1000")).body.data;
    assert.ok(changes.length > 0);
    assert.ok(changes.every((c: any) => c.organizationId === f.a.id), "only its organization's change-log entries");
    assert.deepEqual((await asTenant("GET", `/api/v1/changes?organizationId=${f.b.id}`)).body.data, []);
  });

  test("checks, explanations and lookups about another organization's resources are 404 and never leak them", async () => {
    const question = { subject: f.alice.id, action: "read" };
    const own = await asTenant("POST", "/api/v1/check", { ...question, resource: `${doc}:same` });
    assert.deepEqual([own.status, own.body.allowed], [200, true]);
    for (const resource of [f.bDoc.id, f.bOnly.id, `${doc}:b-only`, `organization:${f.b.id}`]) {
      await notFoundForTenant("POST", "/api/v1/check", { ...question, resource });
      await notFoundForTenant("POST", "/api/v1/explain", { ...question, resource });
      await notFoundForTenant("POST", "/api/v1/effective-actions", { subject: f.alice.id, resource });
      await notFoundForTenant("POST", "/api/v1/lookup/subjects", { resource });
    }
    await notFoundForTenant("POST", "/api/v1/check", { ...question, resource: `${doc}:same`, organization: f.b.id });
    for (const subject of [f.bGroup.id, `group:${f.bGroup.id}`, f.bDept.id, f.bMembership.id, `membership:${f.bMembership.id}`]) {
      await notFoundForTenant("POST", "/api/v1/check", { subject, action: "read", resource: f.aDoc.id });
    }
    await notFoundForTenant("POST", "/api/v1/lookup/resources", { ...question, organization: f.b.externalId });
    const found = await asTenant("POST", "/api/v1/lookup/resources", { ...question, resourceType: doc });
    assert.deepEqual(found.body.data.map((r: any) => r.id), [f.aDoc.id], "alice's grant in B stays invisible");
    const batch = await asTenant("POST", "/api/v1/check/batch", { checks: [{ ...question, resource: f.aDoc.id }, { ...question, resource: f.bDoc.id }] });
    assert.equal(batch.status, 200);
    assert.deepEqual(batch.body.results.map((r: any) => [r.allowed, r.error?.code]), [[true, undefined], [false, "not_found"]]);
  });

  test("creating in another organization is a 404 on that organization, and nothing is written there", async () => {
    const before = (await api("GET", `/api/v1/changes?organizationId=${f.b.id}&limit=1000`)).body.data.length;
    for (const [path, body, field] of [
      ["/api/v1/resources", { organizationId: f.b.id, type: doc, externalId: "planted", name: "Planted" }, "organizationId"],
      ["/api/v1/groups", { organizationId: f.b.externalId, name: "Planted" }, "organizationId"],
      ["/api/v1/departments", { organizationId: f.b.id, name: "Planted" }, "organizationId"],
      ["/api/v1/memberships", { userId: f.alice.id, organizationId: f.b.id }, "organizationId"],
      ["/api/v1/grants", { subject: f.alice.id, actions: ["read"], resourcePattern: "*", organization: f.b.id }, "organization"],
      ["/api/v1/grants", { subject: f.alice.id, actions: ["read"], resource: f.bDoc.id }, "resource"],
    ] as const) {
      const res = await notFoundForTenant("POST", path, body);
      assert.equal(res.error.issues[0]?.field, field, `${path}: ${JSON.stringify(res)}`);
    }
    assert.equal((await api("GET", `/api/v1/changes?organizationId=${f.b.id}&limit=1000`)).body.data.length, before);
  });

  test("definitions: reads what its scope sees, writes only in its own scope", async () => {
    const roles = (await asTenant("GET", "/api/v1/roles")).body.data.map((r: any) => r.slug);
    assert.ok(roles.includes(`reader-${n}`), "inherited from the shared scope");
    await notFoundForTenant("GET", `/api/v1/resource-types/${f.bType.id}`);
    await notFoundForTenant("GET", `/api/v1/roles?scopeId=${f.b.scopeId}`);
    await notFoundForTenant("GET", `/api/v1/scopes/${f.b.scopeId}`);
    await notFoundForTenant("POST", "/api/v1/roles", { slug: "planted", name: "Planted", scopeId: f.b.scopeId });
    await forbiddenForTenant("POST", "/api/v1/roles", { slug: "planted", name: "Planted", scopeId: shared });
    await forbiddenForTenant("PATCH", `/api/v1/roles/reader-${n}`, { name: "Renamed" });
    await forbiddenForTenant("POST", "/api/v1/resource-types", { key: `planted-${n}`, name: "Planted", scopeId: "scope_default" });
    const own = await asTenant("POST", "/api/v1/roles", { slug: `own-${n}`, name: "Own", permissions: [`${doc}:read`] });
    assert.deepEqual([own.status, own.body.scopeId], [201, f.a.scopeId], "without scopeId: its organization's scope");
    const granted = await asTenant("POST", "/api/v1/grants", { subject: f.alice.id, role: `own-${n}`, resource: f.aDoc.id });
    assert.equal(granted.status, 201, JSON.stringify(granted.body));
    await notFoundForTenant("POST", "/api/v1/grants", { subject: f.alice.id, role: (await api("GET", `/api/v1/roles/own-${n}?scopeId=${f.a.scopeId}`)).body.id, resource: f.aDoc.id, organization: f.b.id });
  });

  test("what all organizations share is readable but only an unrestricted key changes it", async () => {
    assert.equal((await asTenant("GET", `/api/v1/users/${f.alice.id}`)).status, 200);
    assert.equal((await asTenant("GET", `/api/v1/groups/${f.envGroup.id}`)).status, 200);
    const user = await asTenant("POST", "/api/v1/users", { externalId: `${n}-new-hire` });
    assert.equal(user.status, 201, "it may bring a new user in");
    assert.equal((await asTenant("POST", "/api/v1/memberships", { userId: user.body.id, organizationId: f.a.id })).status, 201);
    await forbiddenForTenant("PATCH", `/api/v1/users/${f.alice.id}`, { name: "Renamed" });
    await forbiddenForTenant("DELETE", `/api/v1/users/${f.alice.id}`);
    await forbiddenForTenant("POST", "/api/v1/groups", { name: "Environment-wide" });
    await forbiddenForTenant("PATCH", `/api/v1/groups/${f.envGroup.id}`, { name: "Renamed" });
    await forbiddenForTenant("POST", `/api/v1/groups/${f.envGroup.id}/members`, { id: f.alice.id });
    await forbiddenForTenant("POST", "/api/v1/organizations", { name: "Another" });
    await forbiddenForTenant("POST", "/api/v1/scopes", { name: "Another" });
    await forbiddenForTenant("GET", "/api/v1/export");
    const imported = await api("POST", "/api/v1/import", undefined, { key: f.tenantKey, raw: `${doc}:x#parent@organization:${f.b.externalId}`, headers: { "content-type": "text/plain" } });
    assert.equal(imported.status, 403);
  });

  test("its writes in its own organization work, and the change log names the key", async () => {
    const created = await asTenant("POST", "/api/v1/resources", { organizationId: f.a.externalId, type: doc, externalId: "by-tenant", name: "Made by the tenant" });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const group = await asTenant("POST", "/api/v1/groups", { organizationId: f.a.id, name: "Tenant-made" });
    assert.equal(group.status, 201);
    const renamed = await asTenant("PATCH", `/api/v1/organizations/${f.a.id}`, { name: "Tenant A renamed" });
    assert.equal(renamed.status, 200);
    for (const id of [created.body.id, group.body.id, f.a.id]) {
      const entries = (await api("GET", `/api/v1/changes?entityId=${id}&after=${created.body.revision - 1}`)).body.data;
      assert.ok(entries.length > 0, `no change-log entry for ${id}`);
      assert.ok(entries.every((e: any) => e.actor === `key:${f.tenantKeyName}`), JSON.stringify(entries.map((e: any) => e.actor)));
    }
    const admin = (await api("GET", `/api/v1/changes?entityId=${f.bDoc.id}`)).body.data[0];
    assert.equal(admin.actor, "key:ARBOR_API_KEY");
  });
});
