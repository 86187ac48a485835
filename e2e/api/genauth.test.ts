/**
 * The GenAuth V3 management family driven by the real authing-node-sdk
 * (ManagementClient, signed requests) against the running app: namespaces,
 * resources, principals, authorization and decisions, with the values
 * returned asserted. Codes carry a per-run suffix: the server is shared.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ManagementClient } from "authing-node-sdk";
import { api, baseUrl, unique } from "./client";

// The SDK's typed enums (Models.*) add nothing to these assertions; the wire values are plain strings.
type Sdk = Record<string, (params?: unknown) => Promise<any>>;
const sdk = new ManagementClient({
  accessKeyId: process.env.ARBOR_TEST_ACCESS_KEY_ID ?? "",
  accessKeySecret: process.env.ARBOR_TEST_ACCESS_KEY_SECRET ?? "",
  host: baseUrl,
}) as unknown as Sdk;

/** Calls the SDK and asserts the business status; returns `data`. */
async function ok(method: string, params?: unknown): Promise<any> {
  const res = await sdk[method](params);
  assert.equal(res.statusCode, 200, `${method}: ${JSON.stringify(res)}`);
  return res.data;
}

/** A business error: HTTP 200 (the SDK resolves), the status in the body, a numeric apiCode and a requestId. */
async function fails(method: string, params: unknown, statusCode: number): Promise<any> {
  const res = await sdk[method](params);
  assert.equal(res.statusCode, statusCode, `${method}: ${JSON.stringify(res)}`);
  assert.equal(typeof res.apiCode, "number");
  assert.match(res.requestId, /^[0-9a-f-]{36}$/);
  assert.ok(res.message);
  return res;
}

const run = unique("ga");
const ns = `${run}-shop`;

describe("namespaces", () => {
  test("create, batch create, get, batch get, list, update, delete, batch delete", async () => {
    assert.deepEqual(await ok("createNamespace", { code: `${run}-n1`, name: "N 1", description: "first" }), { code: `${run}-n1`, name: "N 1", description: "first" });
    assert.deepEqual(await ok("createNamespacesBatch", { list: [{ code: `${run}-n2`, name: "N 2" }, { code: `${run}-n3`, name: "N 3" }] }), { success: true });
    assert.deepEqual(await ok("getNamespace", { code: `${run}-n2` }), { code: `${run}-n2`, name: "N 2", description: "" });
    const batch = await ok("getNamespacesBatch", { codeList: [`${run}-n1`, `${run}-n3`, `${run}-none`] });
    assert.deepEqual(batch.map((n: any) => n.code).sort(), [`${run}-n1`, `${run}-n3`]);
    const listed = await ok("listNamespaces", { page: 1, limit: 50, keywords: run });
    assert.equal(listed.totalCount, 3);
    assert.deepEqual(listed.list.map((n: any) => [n.code, n.status]), [[`${run}-n1`, 1], [`${run}-n2`, 1], [`${run}-n3`, 1]]);
    const paged = await ok("listNamespaces", { page: 2, limit: 2, keywords: run });
    assert.deepEqual([paged.totalCount, paged.list.map((n: any) => n.code)], [3, [`${run}-n3`]]);
    assert.deepEqual(await ok("updateNamespace", { code: `${run}-n3`, name: "N 3b", description: "renamed" }), {
      code: `${run}-n3`,
      name: "N 3b",
      description: "renamed",
      newCode: `${run}-n3`,
    });
    assert.deepEqual(await ok("deleteNamespace", { code: `${run}-n1` }), { success: true });
    await fails("getNamespace", { code: `${run}-n1` }, 404);
    assert.deepEqual(await ok("deleteNamespacesBatch", { codeList: [`${run}-n2`, `${run}-n3`, `${run}-none`] }), { success: true });
    assert.equal((await ok("listNamespaces", { page: 1, limit: 50, keywords: run })).totalCount, 0);
  });

  test("bad and unknown codes", async () => {
    await fails("createNamespace", { code: "额！" }, 400);
    await fails("createNamespace", { code: `${run}-${"x".repeat(64)}` }, 400);
    await fails("createNamespacesBatch", { list: [{ code: `${run}-nx` }] }, 400);
    await fails("deleteNamespace", { code: `${run}-unknown` }, 404);
    await fails("updateNamespace", { code: `${run}-unknown`, name: "x" }, 404);
    await ok("createNamespace", { code: `${run}-fixed` });
    await fails("updateNamespace", { code: `${run}-fixed`, newCode: `${run}-other` }, 400);
  });
});

describe("resources", () => {
  before(async () => {
    await ok("createNamespace", { code: ns, name: "Shop" });
  });

  test("create, get, batch create, batch get, update", async () => {
    const book = await ok("createResource", {
      namespace: ns,
      code: "books:123",
      type: "DATA",
      name: "Book 123",
      description: "a book",
      actions: [{ name: "read", description: "read it" }, { name: "write", description: "write it" }],
    });
    const expected = {
      code: "books:123",
      name: "Book 123",
      description: "a book",
      type: "DATA",
      actions: [{ name: "read", description: "read it" }, { name: "write", description: "write it" }],
      apiIdentifier: "",
      namespace: ns,
      linkedToTenant: false,
    };
    assert.deepEqual(book, expected);
    assert.deepEqual(await ok("getResource", { code: "books:123", namespace: ns }), expected);
    assert.deepEqual(
      await ok("createResourcesBatch", {
        namespace: ns,
        list: [
          { code: "movies:1", type: "DATA", actions: [{ name: "read", description: "read" }] },
          { code: "orders-api", type: "API", apiIdentifier: "https://api.example/orders", actions: [{ name: "GET", description: "list" }] },
          { code: "menu:dashboard", type: "MENU", actions: [{ name: "view", description: "" }] },
        ],
      }),
      { success: true },
    );
    const batch = await ok("getResourcesBatch", { namespace: ns, codeList: ["orders-api", "nope", "movies:1"] });
    assert.deepEqual(batch.map((r: any) => [r.code, r.type, r.apiIdentifier]), [["orders-api", "API", "https://api.example/orders"], ["movies:1", "DATA", ""]]);
    const updated = await ok("updateResource", { namespace: ns, code: "movies:1", description: "a movie", actions: [{ name: "play", description: "play it" }] });
    assert.deepEqual([updated.description, updated.actions, updated.type], ["a movie", [{ name: "play", description: "play it" }], "DATA"]);
  });

  test("paged list with a type filter", async () => {
    const all = await ok("listResources", { namespace: ns, page: 1, limit: 50 });
    assert.deepEqual(all.list.map((r: any) => r.code), ["books:123", "movies:1", "orders-api", "menu:dashboard"]);
    assert.equal(all.totalCount, 4);
    const data = await ok("listResources", { namespace: ns, type: "DATA", page: 1, limit: 1 });
    assert.deepEqual([data.totalCount, data.list.map((r: any) => r.code)], [2, ["books:123"]]);
    const page2 = await ok("listResources", { namespace: ns, type: "DATA", page: 2, limit: 1 });
    assert.deepEqual(page2.list.map((r: any) => r.code), ["movies:1"]);
    assert.deepEqual((await ok("listResources", { namespace: ns, type: "API" })).list.map((r: any) => r.code), ["orders-api"]);
  });

  test("associate with a tenant organization, and dissociate", async () => {
    const tenant = unique("tenant");
    assert.equal((await api("POST", "/api/v1/organizations", { externalId: tenant, name: "Tenant" })).status, 201);
    assert.deepEqual(await ok("associateTenantResource", { code: "books:123", association: true, appId: ns, tenantId: tenant }), { success: true });
    assert.equal((await ok("getResource", { code: "books:123", namespace: ns })).linkedToTenant, true);
    await ok("associateTenantResource", { code: "books:123", association: false, appId: ns, tenantId: tenant });
    assert.equal((await ok("getResource", { code: "books:123", namespace: ns })).linkedToTenant, false);
    await fails("associateTenantResource", { code: "books:123", association: true, appId: ns, tenantId: `${tenant}-none` }, 404);
  });

  test("errors, and idempotent deletes", async () => {
    await fails("getResource", { code: "nope", namespace: ns }, 404);
    await fails("updateResource", { code: "nope", namespace: ns, description: "x" }, 404);
    await fails("createResource", { code: "额！", type: "DATA", namespace: ns }, 400);
    await fails("createResource", { code: " ", type: "DATA", namespace: ns }, 400);
    await fails("createResource", { code: "books:123", type: "DATA", namespace: ns }, 409);
    await fails("createResourcesBatch", { namespace: ns, list: [{ code: "ok:1", type: "DATA" }, { code: "", type: "DATA" }] }, 400);
    await fails("getResource", { code: "ok:1", namespace: ns }, 404);
    await fails("getResourcesBatch", { namespace: ns, codeList: [] }, 400);
    await fails("getResource", { code: "books:123", namespace: `${run}-nowhere` }, 404);
    await ok("createResource", { namespace: ns, code: "tmp:1", type: "BUTTON" });
    await ok("createResource", { namespace: ns, code: "tmp:2", type: "BUTTON" });
    assert.deepEqual(await ok("deleteResource", { code: "tmp:1", namespace: ns }), { success: true });
    assert.deepEqual(await ok("deleteResource", { code: "tmp:1", namespace: ns }), { success: true });
    assert.deepEqual(await ok("deleteResourcesBatch", { namespace: ns, codeList: ["tmp:2", "nope"] }), { success: true });
    assert.deepEqual(await ok("getResourcesBatch", { namespace: ns, codeList: ["tmp:1", "tmp:2"] }), []);
  });
});

/** A user for an external id, created once per server (the seed samples name users `userId1`, `userId2`). */
async function userFor(externalId: string): Promise<string> {
  const created = await sdk.createUser({ username: externalId, externalId });
  if (created.statusCode === 200) return created.data.userId;
  return (await ok("getUser", { userId: externalId, userIdType: "external_id" })).userId;
}

describe("principals", () => {
  test("users, groups and members, organizations, departments and members, roles and assignments", async () => {
    const user = await ok("createUser", { username: `${run}-pat`, email: `${run}@example.com`, externalId: `${run}-pat`, givenName: "Pat", familyName: "Lee" });
    assert.match(user.userId, /^user_/);
    assert.deepEqual([user.externalId, user.email, user.name, user.givenName, user.familyName], [`${run}-pat`, `${run}@example.com`, `${run}-pat`, "Pat", "Lee"]);
    assert.equal((await ok("getUser", { userId: user.userId })).email, `${run}@example.com`);
    assert.equal((await ok("getUser", { userId: `${run}-pat`, userIdType: "external_id" })).userId, user.userId);
    await fails("createUser", { name: "nobody" }, 400);
    await fails("createUser", { email: "not-an-email" }, 400);

    const group = await ok("createGroup", { code: `${run}-g`, name: "G", description: "a group", type: "static" });
    assert.deepEqual([group.code, group.name, group.description], [`${run}-g`, "G", "a group"]);
    await fails("createGroup", { code: `${run}-g`, name: "G", description: "", type: "static" }, 409);
    assert.deepEqual(await ok("addGroupMembers", { code: `${run}-g`, userIds: [user.userId] }), { success: true });
    assert.deepEqual(await ok("addGroupMembers", { code: `${run}-g`, userIds: [user.userId] }), { success: true }, "already a member");
    assert.equal((await ok("getGroup", { code: `${run}-g` })).id, group.id);
    const members = await ok("listGroupMembers", { code: `${run}-g` });
    assert.deepEqual([members.totalCount, members.list.map((u: any) => u.userId)], [1, [user.userId]]);
    assert.deepEqual((await ok("getUserGroups", { userId: user.userId })).list.map((g: any) => g.code), [`${run}-g`]);

    const org = await ok("createOrganization", { organizationCode: `${run}-corp`, organizationName: "Corp", metadata: {} });
    assert.deepEqual([org.organizationCode, org.organizationName], [`${run}-corp`, "Corp"]);
    const dept = await ok("createDepartment", { organizationCode: `${run}-corp`, name: "Sales", parentDepartmentId: "root", code: `${run}-sales`, metadata: {} });
    assert.deepEqual([dept.parentDepartmentId, dept.code, dept.organizationCode], [org.departmentId, `${run}-sales`, `${run}-corp`]);
    const sub = await ok("createDepartment", { organizationCode: `${run}-corp`, name: "EMEA", parentDepartmentId: dept.departmentId, metadata: {} });
    assert.equal(sub.parentDepartmentCode, `${run}-sales`);
    assert.deepEqual(await ok("addDepartmentMembers", { organizationCode: `${run}-corp`, departmentId: sub.departmentId, userIds: [user.userId] }), { success: true });
    await fails("addDepartmentMembers", { organizationCode: `${run}-nocorp`, departmentId: sub.departmentId, userIds: [user.userId] }, 404);

    const role = await ok("createRole", { code: `${run}-admin`, name: "Admin", namespace: ns, description: "admins" });
    assert.deepEqual([role.code, role.name, role.namespace, role.namespaceName], [`${run}-admin`, "Admin", ns, "Shop"]);
    assert.deepEqual((await ok("createRole", { code: `${run}-admin` })).namespace, "default", "role codes are per namespace");
    assert.equal((await ok("getRole", { code: `${run}-admin`, namespace: ns })).id, role.id);
    assert.deepEqual((await ok("listRoles", { namespace: ns, keywords: run })).list.map((r: any) => r.code), [`${run}-admin`]);
    assert.deepEqual(await ok("assignRole", { code: `${run}-admin`, namespace: ns, targets: [{ targetType: "USER", targetIdentifier: user.userId }] }), { success: true });
    assert.deepEqual((await ok("getUserRoles", { userId: user.userId, namespace: ns })).list.map((r: any) => r.code), [`${run}-admin`]);
    assert.deepEqual((await ok("getUserRoles", { userId: user.userId })).list.map((r: any) => [r.namespace, r.code]), [[ns, `${run}-admin`]]);
    assert.deepEqual(await ok("hasAnyRole", { userId: user.userId, roles: [{ code: "nope" }, { code: `${run}-admin`, namespace: ns }] }), { hasAnyRole: true });
    assert.deepEqual(await ok("hasAnyRole", { userId: user.userId, roles: [{ code: `${run}-admin` }] }), { hasAnyRole: false }, "the default namespace's role of that code");
    assert.deepEqual((await ok("listRoleMembers", { code: `${run}-admin`, namespace: ns })).list.map((u: any) => u.userId), [user.userId]);
    assert.deepEqual(await ok("updateRole", { code: `${run}-admin`, newCode: `${run}-admin`, name: "Administrators", namespace: ns }), { success: true });
    assert.equal((await ok("getRole", { code: `${run}-admin`, namespace: ns })).name, "Administrators");
    await fails("updateRole", { code: `${run}-admin`, newCode: `${run}-root`, name: "x", namespace: ns }, 400);
    await fails("deleteRolesBatch", { codeList: [`${run}-admin`], namespace: ns }, 409);
    assert.deepEqual(await ok("revokeRole", { code: `${run}-admin`, namespace: ns, targets: [{ targetType: "USER", targetIdentifier: user.userId }] }), { success: true });
    assert.equal((await ok("getUserRoles", { userId: user.userId, namespace: ns })).totalCount, 0);
    assert.deepEqual(await ok("deleteRolesBatch", { codeList: [`${run}-admin`, "nope"], namespace: ns }), { success: true });
    await fails("getRole", { code: `${run}-admin`, namespace: ns }, 404);

    await ok("removeGroupMembers", { code: `${run}-g`, userIds: [user.userId] });
    assert.equal((await ok("listGroupMembers", { code: `${run}-g` })).totalCount, 0);
    await ok("removeDepartmentMembers", { organizationCode: `${run}-corp`, departmentId: sub.departmentId, userIds: [user.userId] });
    // Refused, and nothing went: the department below it is still there to delete next.
    const rootRefused = await fails("deleteDepartment", { organizationCode: `${run}-corp`, departmentId: "root" }, 400);
    assert.match(rootRefused.message, /root department/);
    assert.deepEqual(await ok("deleteDepartment", { organizationCode: `${run}-corp`, departmentId: dept.departmentId }), { success: true });
    assert.deepEqual(await ok("deleteGroupsBatch", { codeList: [`${run}-g`, "nope"] }), { success: true });
    await fails("getGroup", { code: `${run}-g` }, 404);
    assert.deepEqual(await ok("deleteUsersBatch", { userIds: [user.userId] }), { success: true });
    await fails("getUser", { userId: user.userId }, 404);
  });
});

describe("authorization", () => {
  const authz = `${run}-authz`;
  let ann: string, ben: string, cat: string, dan: string, eve: string;
  const allowed = async (userId: string, action: string, resource: string, extra: object = {}) =>
    (await ok("isActionAllowed", { userId, action, resource, namespace: authz, ...extra })).allowed;

  before(async () => {
    await ok("createNamespace", { code: authz, name: "Authz" });
    [ann, ben, cat, dan, eve] = await Promise.all(["ann", "ben", "cat", "dan", "eve"].map((n) => userFor(`${run}-${n}`)));
    await ok("createResourcesBatch", {
      namespace: authz,
      list: [
        { code: "books:123", type: "DATA", description: "a book", actions: [{ name: "read" }, { name: "write" }] },
        { code: "books:fictions_123", type: "DATA", actions: [{ name: "read" }] },
        { code: "movies:1", type: "DATA", actions: [{ name: "read" }] },
        { code: "orders-api", type: "API", apiIdentifier: "https://api.example/orders", actions: [{ name: "GET" }, { name: "POST" }] },
        { code: "menu:dashboard", type: "MENU", actions: [{ name: "view" }] },
      ],
    });
    await ok("createGroup", { code: `${run}-staff`, name: "Staff", description: "", type: "static" });
    await ok("addGroupMembers", { code: `${run}-staff`, userIds: [ben] });
    await ok("createOrganization", { organizationCode: `${run}-co`, organizationName: "Co", metadata: {} });
    const hq = await ok("createDepartment", { organizationCode: `${run}-co`, name: "HQ", parentDepartmentId: "root", metadata: {} });
    const ops = await ok("createDepartment", { organizationCode: `${run}-co`, name: "Ops", parentDepartmentId: hq.departmentId, metadata: {} });
    await ok("addDepartmentMembers", { organizationCode: `${run}-co`, departmentId: ops.departmentId, userIds: [cat] });
    await ok("createRole", { code: "editor", namespace: authz, name: "Editor" });
    await ok("assignRole", { code: "editor", namespace: authz, targets: [{ targetType: "USER", targetIdentifier: dan }] });
    assert.deepEqual(
      await ok("authorizeResources", {
        namespace: authz,
        list: [
          {
            targetType: "USER",
            targetIdentifiers: [ann],
            resources: [
              { code: "books:123", resourceType: "DATA", actions: ["read", "write"] },
              { code: "books:fictions_123", resourceType: "DATA", actions: ["read"] },
              { code: "movies:1", resourceType: "DATA", actions: ["read"] },
            ],
          },
          { targetType: "ROLE", targetIdentifiers: ["editor"], resources: [{ code: "orders-api", resourceType: "API", actions: ["GET", "POST"] }] },
          { targetType: "GROUP", targetIdentifiers: [`${run}-staff`], resources: [{ code: "menu:dashboard", resourceType: "MENU", actions: ["view"] }] },
          { targetType: "DEPARTMENT", targetIdentifiers: [hq.departmentId], resources: [{ code: "books:123", resourceType: "DATA", actions: ["read"] }] },
        ],
      }),
      { success: true },
    );
  });

  test("seed 003/004: authorize `ecs` (ecs:Stop, ecs:Start) to two users; seed 002: their authorized resources", async () => {
    const [userId1, userId2] = [await userFor("userId1"), await userFor("userId2")];
    assert.deepEqual(
      await ok("authorizeResources", {
        namespace: "default",
        list: [{ targetType: "USER", targetIdentifiers: ["userId1", "userId2"], resources: [{ code: "ecs", actions: ["ecs:Stop", "ecs:Start"], resourceType: "API" }] }],
      }),
      { success: true },
    );
    const sample = await sdk.getAuthorizedResources({ targetType: "USER", targetIdentifier: "userId1", namespace: "default", resourceType: "DATA", withDenied: false });
    assert.deepEqual([sample.statusCode, sample.data], [200, { totalCount: 0, list: [] }], "ecs is an API resource, not DATA");
    const all = await ok("getAuthorizedResources", { targetType: "USER", targetIdentifier: "userId1", namespace: "default", withDenied: false });
    assert.deepEqual(all.list, [{ resourceCode: "ecs", resourceType: "API", description: "", apiIdentifier: "", actions: ["ecs:Start", "ecs:Stop"], effect: "ALLOW", condition: [] }]);
    for (const userId of [userId1, userId2]) {
      assert.equal((await ok("isActionAllowed", { userId, action: "ecs:Start", resource: "ecs", namespace: "default" })).allowed, true);
      assert.equal((await ok("isActionAllowed", { userId, action: "ecs:Reboot", resource: "ecs", namespace: "default" })).allowed, false);
    }
    assert.equal((await ok("getResource", { code: "ecs", namespace: "default" })).type, "API", "an unknown code is created with the item's type");
  });

  test("a user's own authorizations, with prefix matching on resourceList", async () => {
    const codes = async (resourceList?: string[]) =>
      (await ok("getAuthorizedResources", { targetType: "USER", targetIdentifier: ann, namespace: authz, resourceList })).list.map((r: any) => r.resourceCode);
    assert.deepEqual(await codes(), ["books:123", "books:fictions_123", "movies:1"]);
    assert.deepEqual(await codes(["books:*"]), ["books:123", "books:fictions_123"]);
    assert.deepEqual(await codes(["books:fictions_"]), ["books:fictions_123"]);
    assert.deepEqual(await codes(["movies:*", "books:fictions_"]), ["books:fictions_123", "movies:1"]);
    const book = (await ok("getAuthorizedResources", { targetType: "USER", targetIdentifier: ann, namespace: authz, resourceList: ["books:123"] })).list[0];
    assert.deepEqual(book, { resourceCode: "books:123", resourceType: "DATA", description: "a book", apiIdentifier: "", actions: ["read", "write"], effect: "ALLOW", condition: [] });
  });

  test("ROLE, GROUP and DEPARTMENT principals: their own authorizations and the decisions they give members", async () => {
    const role = await ok("getAuthorizedResources", { targetType: "ROLE", targetIdentifier: "editor", namespace: authz });
    assert.deepEqual(role.list.map((r: any) => [r.resourceCode, r.resourceType, r.actions, r.apiIdentifier]), [["orders-api", "API", ["GET", "POST"], "https://api.example/orders"]]);
    const group = await ok("getAuthorizedResources", { targetType: "GROUP", targetIdentifier: `${run}-staff`, namespace: authz, resourceType: "MENU" });
    assert.deepEqual(group.list.map((r: any) => r.resourceCode), ["menu:dashboard"]);
    await fails("getAuthorizedResources", { targetType: "GROUP", targetIdentifier: `${run}-nogroup`, namespace: authz }, 404);

    assert.equal(await allowed(dan, "POST", "orders-api"), true, "through the role dan holds");
    assert.equal(await allowed(ben, "view", "menu:dashboard"), true, "through ben's group");
    assert.equal(await allowed(cat, "read", "books:123"), true, "through a parent of cat's department");
    assert.equal(await allowed(cat, "write", "books:123"), false);
    assert.equal(await allowed(eve, "read", "books:123"), false);
    assert.equal(await allowed(ann, "read", "no-such-resource"), false);
  });

  test("the user variant counts what is inherited through roles, groups and departments", async () => {
    const of = async (userId: string, resourceType?: string) =>
      (await ok("getUserAuthorizedResources", { userId, namespace: authz, resourceType })).list.map((r: any) => [r.resourceCode, r.actions]);
    assert.deepEqual(await of(dan), [["orders-api", ["GET", "POST"]]]);
    assert.deepEqual(await of(ben), [["menu:dashboard", ["view"]]]);
    assert.deepEqual(await of(cat), [["books:123", ["read"]]]);
    assert.deepEqual(await of(ann, "DATA"), [["books:123", ["read", "write"]], ["books:fictions_123", ["read"]], ["movies:1", ["read"]]]);
    const role = await ok("getRoleAuthorizedResources", { code: "editor", namespace: authz });
    assert.deepEqual(role, { totalCount: 1, list: [{ resourceCode: "orders-api", resourceType: "API", actions: ["GET", "POST"], apiIdentifier: "https://api.example/orders" }] });
    const group = await ok("getGroupAuthorizedResources", { code: `${run}-staff`, namespace: authz });
    assert.ok(Array.isArray(group), "a plain array, not paged");
    assert.deepEqual(group.map((r: any) => [r.resourceCode, r.actions, r.effect]), [["menu:dashboard", ["view"], "ALLOW"]]);
    await fails("getRoleAuthorizedResources", { code: "nope", namespace: authz }, 404);
    await fails("getUserAuthorizedResources", { userId: `${run}-nobody`, namespace: authz }, 404);
  });

  test("DENY overrides ALLOW, and shows only with withDenied", async () => {
    await ok("authorizeResources", {
      namespace: authz,
      list: [{ targetType: "USER", targetIdentifiers: [cat], resources: [{ code: "books:123", resourceType: "DATA", actions: ["read"], effect: "DENY" }] }],
    });
    assert.equal(await allowed(cat, "read", "books:123"), false, "the user's DENY beats the department's ALLOW");
    const visible = async (withDenied: boolean) =>
      (await ok("getAuthorizedResources", { targetType: "USER", targetIdentifier: cat, namespace: authz, withDenied })).list.map((r: any) => [r.resourceCode, r.effect, r.actions]);
    assert.deepEqual(await visible(false), []);
    assert.deepEqual(await visible(true), [["books:123", "DENY", ["read"]]]);
    assert.deepEqual((await ok("getUserAuthorizedResources", { userId: cat, namespace: authz })).list, [], "denied actions are not authorized");
    // A group's DENY reaches its members.
    await ok("authorizeResources", {
      namespace: authz,
      list: [{ targetType: "GROUP", targetIdentifiers: [`${run}-staff`], resources: [{ code: "menu:dashboard", resourceType: "MENU", actions: ["view"], effect: "DENY" }] }],
    });
    assert.equal(await allowed(ben, "view", "menu:dashboard"), false);
  });

  test("conditions: evaluated against the server's context and the caller's", async () => {
    await ok("authorizeResources", {
      namespace: authz,
      list: [
        {
          targetType: "USER",
          targetIdentifiers: [eve],
          resources: [
            { code: "movies:1", resourceType: "DATA", actions: ["read"], conditions: [{ param: "SourceIp", operator: "IpAddress", value: "10.0.0.0/8" }] },
            { code: "books:123", resourceType: "DATA", actions: ["read"], conditions: [{ param: "CurrentTime", operator: "DateLessThan", value: "2999-01-01T00:00:00Z" }] },
            { code: "books:fictions_123", resourceType: "DATA", actions: ["read"], conditions: [{ param: "CurrentTime", operator: "DateGreaterThan", value: "2999-01-01T00:00:00Z" }] },
          ],
        },
      ],
    });
    assert.equal(await allowed(eve, "read", "movies:1", { context: { SourceIp: "10.1.2.3" } }), true);
    assert.equal(await allowed(eve, "read", "movies:1", { context: { SourceIp: "192.168.1.1" } }), false);
    assert.equal(await allowed(eve, "read", "movies:1"), false, "no SourceIp: fails closed");
    assert.equal(await allowed(eve, "read", "books:123"), true, "CurrentTime comes from the server");
    assert.equal(await allowed(eve, "read", "books:fictions_123"), false);
    const rows = await ok("getAuthorizedResources", { targetType: "USER", targetIdentifier: eve, namespace: authz, resourceList: ["movies:"] });
    assert.deepEqual(rows.list[0].condition, [{ param: "SourceIp", operator: "IpAddress", value: "10.0.0.0/8" }]);
    await fails("authorizeResources", {
      namespace: authz,
      list: [{ targetType: "USER", targetIdentifiers: [eve], resources: [{ code: "movies:1", resourceType: "DATA", actions: ["read"], conditions: [{ param: "SourceIp", operator: "IpAddress", value: "not-an-ip" }] }] }],
    }, 400);
  });

  test("authorizing again replaces the actions; a `*` code is a pattern inside the namespace", async () => {
    await ok("authorizeResources", { namespace: authz, list: [{ targetType: "USER", targetIdentifiers: [ann], resources: [{ code: "movies:1", resourceType: "DATA", actions: ["play"] }] }] });
    assert.equal(await allowed(ann, "read", "movies:1"), false);
    assert.equal(await allowed(ann, "play", "movies:1"), true);
    await ok("authorizeResources", { namespace: authz, list: [{ targetType: "USER", targetIdentifiers: [eve], resources: [{ code: "books:*", resourceType: "DATA", actions: ["*"] }] }] });
    assert.equal(await allowed(eve, "write", "books:fictions_123"), true);
    assert.equal(await allowed(eve, "write", "movies:1"), false);
    const rows = await ok("getAuthorizedResources", { targetType: "USER", targetIdentifier: eve, namespace: authz, resourceList: ["books:*"] });
    assert.ok(rows.list.some((r: any) => r.resourceCode === "books:*" && r.actions[0] === "*"));
  });

  test("authorized targets of a resource: ALLOW grants, actions merged per principal, paged", async () => {
    const targets = await ok("getResourceAuthorizedTargets", { resource: "books:123", namespace: authz, page: 1, limit: 10 });
    const byType = Object.fromEntries(targets.list.map((t: any) => [`${t.targetType}:${t.targetIdentifier}`, t.actions]));
    assert.deepEqual(byType[`USER:${ann}`], ["read", "write"]);
    assert.ok(Object.keys(byType).some((k) => k.startsWith("DEPARTMENT:dept_")));
    assert.equal(byType[`USER:${cat}`], undefined, "a DENY is not an authorization");
    const users = await ok("getResourceAuthorizedTargets", { resource: "books:123", namespace: authz, targetType: "USER", page: 1, limit: 1 });
    assert.equal(users.list.length, 1);
    assert.equal(users.totalCount, targets.list.filter((t: any) => t.targetType === "USER").length);
    const roles = await ok("getResourceAuthorizedTargets", { resource: "orders-api", namespace: authz, targetType: "ROLE" });
    assert.deepEqual(roles.list, [{ targetType: "ROLE", targetIdentifier: "editor", actions: ["GET", "POST"] }]);
    await fails("getResourceAuthorizedTargets", { resource: "nope", namespace: authz }, 404);
  });

  test("a bad target changes nothing: every grant of the call is one transaction", async () => {
    const before = await ok("getAuthorizedResources", { targetType: "USER", targetIdentifier: dan, namespace: authz });
    await fails("authorizeResources", {
      namespace: authz,
      list: [
        { targetType: "USER", targetIdentifiers: [dan], resources: [{ code: "new:1", resourceType: "DATA", actions: ["read"] }] },
        { targetType: "USER", targetIdentifiers: [`${run}-nobody`], resources: [{ code: "new:1", resourceType: "DATA", actions: ["read"] }] },
      ],
    }, 404);
    assert.deepEqual(await ok("getAuthorizedResources", { targetType: "USER", targetIdentifier: dan, namespace: authz }), before);
    await fails("getResource", { code: "new:1", namespace: authz }, 404);
    await fails("authorizeResources", {
      namespace: authz,
      list: [{ targetType: "USER", targetIdentifiers: [dan], resources: [{ code: "new:1", resourceType: "DATA", actions: ["has space"] }] }],
    }, 400);
    await fails("getResource", { code: "new:1", namespace: authz }, 404);
  });
});

describe("malformed paths", () => {
  test("a path whose percent-encoding does not decode gets the GenAuth envelope, not another family's shape", async () => {
    const res = await fetch(`${baseUrl}/api/v3/%ff`);
    assert.equal(res.status, 400);
    const body = await res.json();
    assert.equal(body.statusCode, 400);
    assert.equal(typeof body.apiCode, "number");
    assert.match(body.message, /percent-encoding/);
  });
});
