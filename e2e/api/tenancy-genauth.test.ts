/**
 * Tenant isolation in the GenAuth family, driven by the real
 * authing-node-sdk with access keys bound to organizations A and B (made
 * through POST /api/v1/access-keys). A's key answers 404 (statusCode 404,
 * apiCode 40401) for B's namespaces, resources, roles, groups and
 * departments — the same code may exist in both, and for A it is simply
 * A's —, its lists and authorization views never show B's objects or
 * grants, deleting B's objects by code skips them as unknown, and what
 * every organization shares (users, the root scope's roles) it reads but
 * may not change. Also: access-key management, read-only keys, revocation.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { api, unique } from "./client";
import { accessKey, fails, ok, refused, signedRequest, type Sdk, type TestAccessKey } from "./genauth-fixtures";

const otherUrl = process.env.ARBOR_TEST_URL_B ?? process.env.ARBOR_TEST_URL ?? "http://127.0.0.1:3000";
const n = unique("tg");
const shop = `${n}-shop`;
const bOnlyNamespace = `${n}-bns`;
const corp = `${n}-corp`;

/** Filled in by `before`. */
const f = {} as {
  a: any;
  b: any;
  keyA: TestAccessKey;
  keyB: TestAccessKey;
  user: string;
  bDepartment: string;
  bResourceId: string;
  envGroup: string;
  rootRole: string;
};
let A: Sdk;
let B: Sdk;

async function native(method: string, path: string, body?: unknown) {
  const res = await api(method, path, body);
  assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const notFound = (sdk: Sdk, method: string, params: unknown) => fails(sdk, method, params, 404);
const forbidden = (sdk: Sdk, method: string, params: unknown) => fails(sdk, method, params, 403);

before(async () => {
  f.a = await native("POST", "/api/v1/organizations", { externalId: `${n}-a`, name: "Tenant A" });
  f.b = await native("POST", "/api/v1/organizations", { externalId: `${n}-b`, name: "Tenant B" });
  f.keyA = await accessKey({ name: `genauth-a-${n}`, organizationId: f.a.externalId });
  f.keyB = await accessKey({ name: `genauth-b-${n}`, organizationId: f.b.id });
  A = f.keyA.sdk;
  B = f.keyB.sdk;

  // The same codes in both organizations…
  for (const [sdk, who] of [[A, "A"], [B, "B"]] as const) {
    await ok(sdk, "createNamespace", { code: shop, name: `${who}'s shop` });
    await ok(sdk, "createResource", { namespace: shop, code: "books:1", type: "DATA", name: `${who}'s book`, actions: [{ name: "read", description: "" }] });
    await ok(sdk, "createRole", { namespace: shop, code: "editor", name: `${who}'s editor` });
    await ok(sdk, "createGroup", { code: `${n}-eng`, name: `${who}'s engineers` });
    await ok(sdk, "createOrganization", { organizationCode: corp, organizationName: `${who}'s corp` });
  }
  // …and what only B has.
  await ok(B, "createNamespace", { code: bOnlyNamespace, name: "B only" });
  await ok(B, "createResource", { namespace: shop, code: "b-only", type: "API", name: "Only in B", actions: [{ name: "read", description: "" }] });
  await ok(B, "createRole", { namespace: shop, code: "b-role", name: "Only in B" });
  await ok(B, "createGroup", { code: `${n}-b-grp`, name: "Only in B" });
  f.bDepartment = (await ok(B, "createDepartment", { organizationCode: corp, name: "B sales", parentDepartmentId: "root", code: `${n}-b-sales` })).departmentId;
  f.bResourceId = (await native("GET", `/api/v1/resources/${shop}:b-only?organization=${f.b.id}`)).id;

  // One user (users are environment-wide) with grants, roles and groups in both organizations.
  f.user = (await ok(B, "createUser", { username: `${n}-pat`, externalId: `${n}-pat` })).userId;
  for (const sdk of [A, B]) {
    await ok(sdk, "authorizeResources", { namespace: shop, list: [{ targetType: "USER", targetIdentifiers: [f.user], resources: [{ code: "books:1", actions: ["read"], resourceType: "DATA" }] }] });
    await ok(sdk, "assignRole", { namespace: shop, code: "editor", targets: [{ targetType: "USER", targetIdentifier: f.user }] });
    await ok(sdk, "addGroupMembers", { code: `${n}-eng`, userIds: [f.user] });
  }
  await ok(B, "authorizeResources", { namespace: shop, list: [{ targetType: "USER", targetIdentifiers: [f.user], resources: [{ code: "b-only", actions: ["read"], resourceType: "API" }, { code: "b-*", actions: ["read"], resourceType: "DATA" }] }] });
  await ok(B, "assignRole", { namespace: shop, code: "b-role", targets: [{ targetType: "USER", targetIdentifier: f.user }] });
  await ok(B, "addGroupMembers", { code: `${n}-b-grp`, userIds: [f.user] });
  await ok(B, "addDepartmentMembers", { organizationCode: corp, departmentId: f.bDepartment, userIds: [f.user] });

  // Shared by every organization: an environment-wide group and a role of the root scope (the default namespace).
  f.envGroup = `${n}-everyone`;
  await native("POST", "/api/v1/groups", { externalId: f.envGroup, name: "Everyone" });
  f.rootRole = `${n}-root-role`;
  await native("POST", "/api/v1/roles", { slug: f.rootRole, name: "Shared role" });
});

describe("native API: GenAuth access keys", () => {
  test("created with the secret shown once, listed without it; a bad organization is a 404", async () => {
    const created = await api("POST", "/api/v1/access-keys", { name: `shown-once-${n}`, organizationId: f.a.externalId, readOnly: true });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.match(created.body.accessKeyId, /^ak_/);
    assert.ok(created.body.secret.length >= 16);
    assert.deepEqual([created.body.organizationId, created.body.readOnly, created.body.secretCiphertext], [f.a.id, true, undefined]);
    assert.equal(created.headers.get("arbor-revision"), String(created.body.revision));
    const listed = (await api("GET", "/api/v1/access-keys")).body.data.find((k: any) => k.id === created.body.id);
    assert.deepEqual([listed.accessKeyId, listed.name, listed.secret, listed.secretCiphertext], [created.body.accessKeyId, `shown-once-${n}`, undefined, undefined]);
    const unknown = await api("POST", "/api/v1/access-keys", { name: "nowhere", organizationId: "org_missing" });
    assert.deepEqual([unknown.status, unknown.body.error.issues[0].field], [404, "organizationId"]);
    assert.equal((await api("POST", "/api/v1/access-keys", { name: "" })).status, 400);
    assert.equal((await api("POST", "/api/v1/access-keys", { name: "x", secret: "chosen" })).status, 400, "the secret is never chosen by the caller");
    assert.equal((await api("DELETE", "/api/v1/access-keys/akey_missing")).status, 404);
  });

  test("a restricted or read-only API key cannot manage access keys", async () => {
    const restricted = (await native("POST", "/api/v1/api-keys", { name: `ak-tenant-${n}`, organizationId: f.a.id })).secret;
    const reader = (await native("POST", "/api/v1/api-keys", { name: `ak-reader-${n}`, readOnly: true })).secret;
    for (const key of [restricted, reader]) {
      assert.equal((await api("POST", "/api/v1/access-keys", { name: "escalate", organizationId: f.a.id }, { key })).status, 403);
      assert.equal((await api("DELETE", `/api/v1/access-keys/${f.keyB.id}`, undefined, { key })).status, 403);
    }
    assert.equal((await api("GET", "/api/v1/access-keys", undefined, { key: restricted })).status, 403);
    assert.equal((await api("GET", "/api/v1/access-keys", undefined, { key: null })).status, 401);
  });
});

describe("GenAuth SDK with an access key bound to organization A", () => {
  test("namespaces: B's are 404 and never listed; the same code is A's own", async () => {
    assert.equal((await ok(A, "getNamespace", { code: shop })).name, "A's shop");
    await notFound(A, "getNamespace", { code: bOnlyNamespace });
    await notFound(A, "updateNamespace", { code: bOnlyNamespace, name: "Mine" });
    await notFound(A, "deleteNamespace", { code: bOnlyNamespace });
    await notFound(A, "listNamespaceRoles", { code: bOnlyNamespace });
    await notFound(A, "listResources", { namespace: bOnlyNamespace });
    const listed = await ok(A, "listNamespaces", { page: 1, limit: 50, keywords: n });
    assert.deepEqual(listed.list.map((x: any) => [x.code, x.name]), [[shop, "A's shop"]]);
    assert.deepEqual((await ok(A, "getNamespacesBatch", { codeList: [shop, bOnlyNamespace] })).map((x: any) => x.code), [shop]);
    assert.deepEqual(await ok(A, "deleteNamespacesBatch", { codeList: [bOnlyNamespace] }), { success: true }, "skipped as unknown");
    assert.equal((await ok(B, "getNamespace", { code: bOnlyNamespace })).name, "B only");
  });

  test("resources: B's are 404 by code and by id, never listed, and untouched by deletes", async () => {
    assert.equal((await ok(A, "getResource", { namespace: shop, code: "books:1" })).name, "A's book");
    await notFound(A, "getResource", { namespace: shop, code: "b-only" });
    await notFound(A, "updateResource", { namespace: shop, code: "b-only", name: "Mine" });
    await notFound(A, "getResourceAuthorizedTargets", { namespace: shop, resource: "b-only" });
    await notFound(A, "associateTenantResource", { code: "books:1", association: true, appId: shop, tenantId: f.b.id });
    await notFound(A, "associateTenantResource", { code: "b-only", association: true, appId: shop, tenantId: f.a.id });
    assert.deepEqual((await ok(A, "listResources", { namespace: shop, page: 1, limit: 50 })).list.map((r: any) => r.code), ["books:1"]);
    assert.deepEqual((await ok(A, "getResourcesBatch", { namespace: shop, codeList: ["books:1", "b-only"] })).map((r: any) => r.name), ["A's book"]);
    assert.deepEqual(await ok(A, "deleteResource", { namespace: shop, code: "b-only" }), { success: true }, "idempotent: unknown to A");
    assert.deepEqual(await ok(A, "deleteResourcesBatch", { namespace: shop, codeList: ["b-only"], ids: [f.bResourceId] }), { success: true });
    assert.equal((await ok(B, "getResource", { namespace: shop, code: "b-only" })).name, "Only in B");
    assert.deepEqual((await ok(A, "getResourceAuthorizedTargets", { namespace: shop, resource: "books:1" })).list, [
      { targetType: "USER", targetIdentifier: f.user, actions: ["read"] },
    ]);
  });

  test("roles: B's are 404 and never listed; a shared root-scope role is readable but not changeable", async () => {
    assert.equal((await ok(A, "getRole", { namespace: shop, code: "editor" })).name, "A's editor");
    await notFound(A, "getRole", { namespace: shop, code: "b-role" });
    await notFound(A, "updateRole", { namespace: shop, code: "b-role", newCode: "b-role", name: "Mine" });
    await notFound(A, "listRoleMembers", { namespace: shop, code: "b-role" });
    await notFound(A, "getRoleAuthorizedResources", { namespace: shop, code: "b-role" });
    await notFound(A, "assignRole", { namespace: shop, code: "b-role", targets: [{ targetType: "USER", targetIdentifier: f.user }] });
    await notFound(A, "revokeRole", { namespace: shop, code: "b-role", targets: [{ targetType: "USER", targetIdentifier: f.user }] });
    assert.deepEqual((await ok(A, "listRoles", { namespace: shop })).list.map((r: any) => r.name), ["A's editor"]);
    assert.deepEqual(await ok(A, "deleteRolesBatch", { namespace: shop, codeList: ["b-role"] }), { success: true }, "skipped as unknown");
    assert.equal((await ok(B, "getRole", { namespace: shop, code: "b-role" })).name, "Only in B");

    assert.equal((await ok(A, "getRole", { code: f.rootRole })).name, "Shared role");
    await forbidden(A, "updateRole", { code: f.rootRole, newCode: f.rootRole, name: "Taken over" });
    await forbidden(A, "deleteRolesBatch", { codeList: [f.rootRole] });
    assert.equal((await native("GET", `/api/v1/roles/${f.rootRole}`)).name, "Shared role");
  });

  test("groups and departments: B's are 404; environment-wide groups are readable but not changeable", async () => {
    assert.equal((await ok(A, "getGroup", { code: `${n}-eng` })).name, "A's engineers");
    for (const [method, params] of [
      ["getGroup", { code: `${n}-b-grp` }],
      ["listGroupMembers", { code: `${n}-b-grp` }],
      ["getGroupAuthorizedResources", { code: `${n}-b-grp`, namespace: shop }],
      ["addGroupMembers", { code: `${n}-b-grp`, userIds: [f.user] }],
      ["removeGroupMembers", { code: `${n}-b-grp`, userIds: [f.user] }],
      ["authorizeResources", { namespace: shop, list: [{ targetType: "GROUP", targetIdentifiers: [`${n}-b-grp`], resources: [{ code: "books:1", actions: ["read"], resourceType: "DATA" }] }] }],
      ["createDepartment", { organizationCode: corp, name: "Planted", parentDepartmentId: f.bDepartment }],
      ["addDepartmentMembers", { organizationCode: corp, departmentId: f.bDepartment, userIds: [f.user] }],
      ["removeDepartmentMembers", { organizationCode: corp, departmentId: f.bDepartment, userIds: [f.user] }],
      ["deleteDepartment", { organizationCode: corp, departmentId: f.bDepartment }],
      ["getAuthorizedResources", { targetType: "DEPARTMENT", targetIdentifier: f.bDepartment, namespace: shop }],
    ] as const) {
      await notFound(A, method, params);
    }
    assert.deepEqual(await ok(A, "deleteGroupsBatch", { codeList: [`${n}-b-grp`] }), { success: true }, "skipped as unknown");
    assert.equal((await ok(B, "listGroupMembers", { code: `${n}-b-grp` })).totalCount, 1, "B's group is untouched");

    assert.equal((await ok(A, "getGroup", { code: f.envGroup })).code, f.envGroup);
    await forbidden(A, "addGroupMembers", { code: f.envGroup, userIds: [f.user] });
    await forbidden(A, "deleteGroupsBatch", { codeList: [f.envGroup] });
  });

  test("a user's groups, roles and authorizations seen from A leave out everything B gave it", async () => {
    assert.deepEqual((await ok(A, "getUserGroups", { userId: f.user })).list.map((g: any) => g.name), ["A's engineers"]);
    assert.deepEqual((await ok(A, "getUserRoles", { userId: f.user })).list.map((r: any) => [r.namespace, r.name]), [[shop, "A's editor"]]);
    assert.deepEqual(await ok(A, "hasAnyRole", { userId: f.user, roles: [{ namespace: shop, code: "b-role" }] }), { hasAnyRole: false });
    const own = await ok(A, "getAuthorizedResources", { targetType: "USER", targetIdentifier: f.user, namespace: shop, withDenied: true });
    assert.deepEqual(own.list.map((r: any) => [r.resourceCode, r.actions]), [["books:1", ["read"]]]);
    const decided = await ok(A, "getUserAuthorizedResources", { userId: f.user, namespace: shop });
    assert.deepEqual(decided.list.map((r: any) => r.resourceCode), ["books:1"]);
    assert.deepEqual(await ok(A, "isActionAllowed", { userId: f.user, namespace: shop, resource: "b-only", action: "read" }), { allowed: false });
    assert.deepEqual(await ok(B, "isActionAllowed", { userId: f.user, namespace: shop, resource: "b-only", action: "read" }), { allowed: true });
    assert.deepEqual((await ok(A, "listRoleMembers", { namespace: shop, code: "editor" })).list.map((u: any) => u.userId), [f.user]);
  });

  test("users are shared: A reads and creates them, but deleting one is 403 and deletes nothing", async () => {
    assert.equal((await ok(A, "getUser", { userId: f.user })).userId, f.user);
    const hire = await ok(A, "createUser", { username: `${n}-hire`, externalId: `${n}-hire` });
    await forbidden(A, "deleteUsersBatch", { userIds: [hire.userId] });
    await forbidden(A, "deleteUsersBatch", { userIds: ["user_unknown"] });
    assert.equal((await ok(A, "getUser", { userId: hire.userId })).userId, hire.userId);
  });

  test("nothing it sent was written in B, and its own writes name it in the change log", async () => {
    const inB = (await native("GET", `/api/v1/changes?organizationId=${f.b.id}&limit=1000`)).data;
    assert.ok(inB.length > 0);
    assert.ok(inB.every((c: any) => c.actor !== `access-key:${f.keyA.name}`), "no change in B names A's key");
    assert.ok(inB.some((c: any) => c.actor === `access-key:${f.keyB.name}`));
    const made = await native("GET", `/api/v1/resources/${shop}:books:1?organization=${f.a.id}`);
    const entries = (await native("GET", `/api/v1/changes?entityId=${made.id}`)).data;
    assert.equal(entries[0].actor, `access-key:${f.keyA.name}`);
  });
});

describe("GenAuth SDK: read-only and revoked access keys", () => {
  test("a read-only key reads its organization and every write gets statusCode 403, writing nothing", async () => {
    const reader = await accessKey({ name: `genauth-reader-${n}`, organizationId: f.a.id, readOnly: true });
    assert.deepEqual((await ok(reader.sdk, "listResources", { namespace: shop, page: 1, limit: 50 })).list.map((r: any) => r.name), ["A's book"]);
    assert.deepEqual(await ok(reader.sdk, "isActionAllowed", { userId: f.user, namespace: shop, resource: "books:1", action: "read" }), { allowed: true });
    await notFound(reader.sdk, "getResource", { namespace: shop, code: "b-only" });
    for (const [method, params] of [
      ["createNamespace", { code: `${n}-ro` }],
      ["createResource", { namespace: shop, code: "ro:1", type: "DATA" }],
      ["updateResource", { namespace: shop, code: "books:1", name: "Nope" }],
      ["deleteResource", { namespace: shop, code: "books:1" }],
      ["deleteResourcesBatch", { namespace: shop, codeList: ["books:1"] }],
      ["authorizeResources", { namespace: shop, list: [{ targetType: "USER", targetIdentifiers: [f.user], resources: [{ code: "books:1", actions: ["write"], resourceType: "DATA" }] }] }],
      ["assignRole", { namespace: shop, code: "editor", targets: [{ targetType: "USER", targetIdentifier: f.user }] }],
      ["createUser", { username: `${n}-ro` }],
      ["deleteUsersBatch", { userIds: [f.user] }],
      ["createGroup", { code: `${n}-ro`, name: "Nope" }],
      ["addGroupMembers", { code: `${n}-eng`, userIds: [f.user] }],
      ["deleteGroupsBatch", { codeList: [`${n}-eng`] }],
      ["createOrganization", { organizationCode: `${n}-ro`, organizationName: "Nope" }],
    ] as const) {
      const res = await forbidden(reader.sdk, method, params);
      assert.equal(res.apiCode, 40301);
    }
    assert.deepEqual((await native("GET", `/api/v1/changes?actor=${encodeURIComponent(`access-key:${reader.name}`)}`)).data, []);
  });

  test("a revoked access key is refused (HTTP 401) from its very next request on, in every process", async () => {
    const doomed = await accessKey({ name: `genauth-doomed-${n}`, organizationId: f.a.id });
    assert.equal((await ok(doomed.sdk, "getNamespace", { code: shop })).code, shop);
    const revoked = await api("DELETE", `/api/v1/access-keys/${doomed.id}`);
    assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
    assert.ok(revoked.body.revokedAt);
    for (const call of [() => doomed.sdk.getNamespace({ code: shop }), () => doomed.sdk.createResource({ namespace: shop, code: "late", type: "DATA" })]) {
      const { status, body } = await refused(call());
      assert.deepEqual([status, body.statusCode, body.apiCode], [401, 401, 40102]);
    }
    const { url, init } = signedRequest({ method: "GET", path: "/api/v3/get-namespace", params: { code: shop }, accessKeyId: doomed.accessKeyId, secret: doomed.secret }, otherUrl);
    assert.equal((await fetch(url, init)).status, 401);
  });
});
