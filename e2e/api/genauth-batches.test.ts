/**
 * GenAuth batch calls are all or nothing, through the real SDK: an item
 * that fails after others were applied undoes them all (one transaction),
 * skipped items (unknown codes, members already there or already gone)
 * change nothing, and a batch that succeeds is one revision in the change log.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { api, unique } from "./client";
import { accessKey, fails, ok, type Sdk } from "./genauth-fixtures";

const n = unique("gb");
const ns = `${n}-ns`;
let sdk: Sdk;
let org: any;
let actor: string;

async function native(method: string, path: string, body?: unknown) {
  const res = await api(method, path, body);
  assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const users = async (count: number) => Promise.all(Array.from({ length: count }, async (_, i) => (await ok(sdk, "createUser", { username: `${n}-u${i}` })).userId as string));

/** The change-log entries the batch key wrote after `revision`. */
const written = async (revision: number) => (await native("GET", `/api/v1/changes?actor=${encodeURIComponent(actor)}&after=${revision}&limit=1000`)).data;
const latest = async () => (await native("GET", `/api/v1/changes?actor=${encodeURIComponent(actor)}&limit=1000`)).data.at(-1)?.revision ?? 0;

before(async () => {
  org = await native("POST", "/api/v1/organizations", { externalId: n, name: "Batches" });
  const key = await accessKey({ name: `genauth-batches-${n}`, organizationId: org.id });
  sdk = key.sdk;
  actor = `access-key:${key.name}`;
  await ok(sdk, "createNamespace", { code: ns });
});

test("delete-roles-batch: a role still assigned keeps every role of the batch, those before it included", async () => {
  for (const code of ["free-1", "free-2", "held"]) await ok(sdk, "createRole", { namespace: ns, code });
  const [user] = await users(1);
  await ok(sdk, "assignRole", { namespace: ns, code: "held", targets: [{ targetType: "USER", targetIdentifier: user }] });
  const before = await latest();
  await fails(sdk, "deleteRolesBatch", { namespace: ns, codeList: ["free-1", "free-2", "held"] }, 409);
  assert.deepEqual((await ok(sdk, "listRoles", { namespace: ns })).list.map((r: any) => r.code).sort(), ["free-1", "free-2", "held"]);
  assert.deepEqual(await written(before), []);
  assert.deepEqual(await ok(sdk, "deleteRolesBatch", { namespace: ns, codeList: ["free-1", "free-2", "unknown"] }), { success: true });
  const entries = await written(before);
  assert.deepEqual(entries.map((e: any) => e.operation), ["delete", "delete"]);
  assert.equal(new Set(entries.map((e: any) => e.revision)).size, 1, "one revision for the whole batch");
});

test("delete-namespaces-batch: a namespace still in use keeps every namespace of the batch", async () => {
  await ok(sdk, "createNamespacesBatch", { list: [{ code: `${n}-empty`, name: "Empty" }, { code: `${n}-used`, name: "Used" }] });
  await ok(sdk, "createResource", { namespace: `${n}-used`, code: "r1", type: "DATA" });
  await fails(sdk, "deleteNamespacesBatch", { codeList: [`${n}-empty`, `${n}-used`] }, 409);
  assert.deepEqual((await ok(sdk, "getNamespacesBatch", { codeList: [`${n}-empty`, `${n}-used`] })).map((x: any) => x.code).sort(), [`${n}-empty`, `${n}-used`]);
});

test("delete-groups-batch: an environment-wide group (403 for a bound key) keeps the organization's groups too", async () => {
  const shared = `${n}-shared`;
  await native("POST", "/api/v1/groups", { externalId: shared, name: "Shared" });
  await ok(sdk, "createGroup", { code: `${n}-g1`, name: "G1" });
  const res = await fails(sdk, "deleteGroupsBatch", { codeList: [`${n}-g1`, shared] }, 403);
  assert.equal(res.apiCode, 40301);
  assert.equal((await ok(sdk, "getGroup", { code: `${n}-g1` })).code, `${n}-g1`);
  assert.deepEqual(await ok(sdk, "deleteGroupsBatch", { codeList: [`${n}-g1`, `${n}-unknown`] }), { success: true });
  await fails(sdk, "getGroup", { code: `${n}-g1` }, 404);
});

test("group and department members: one revision per call; members already there, or already gone, are skipped", async () => {
  const ids = await users(3);
  await ok(sdk, "createGroup", { code: `${n}-team`, name: "Team" });
  await ok(sdk, "addGroupMembers", { code: `${n}-team`, userIds: [ids[0]] });
  const before = await latest();
  await ok(sdk, "addGroupMembers", { code: `${n}-team`, userIds: ids });
  const added = await written(before);
  assert.deepEqual([added.length, new Set(added.map((e: any) => e.revision)).size], [2, 1]);
  assert.equal((await ok(sdk, "listGroupMembers", { code: `${n}-team` })).totalCount, 3);
  await fails(sdk, "addGroupMembers", { code: `${n}-team`, userIds: [ids[0], "user_unknown"] }, 404);
  await ok(sdk, "removeGroupMembers", { code: `${n}-team`, userIds: [ids[1], ids[2]] });
  await ok(sdk, "removeGroupMembers", { code: `${n}-team`, userIds: [ids[0], ids[1]] });
  assert.equal((await ok(sdk, "listGroupMembers", { code: `${n}-team` })).totalCount, 0);

  await ok(sdk, "createOrganization", { organizationCode: `${n}-corp`, organizationName: "Corp" });
  const dept = (await ok(sdk, "createDepartment", { organizationCode: `${n}-corp`, name: "Sales", parentDepartmentId: "root" })).departmentId;
  await ok(sdk, "addDepartmentMembers", { organizationCode: `${n}-corp`, departmentId: dept, userIds: [ids[0], ids[1]] });
  await ok(sdk, "addDepartmentMembers", { organizationCode: `${n}-corp`, departmentId: dept, userIds: ids });
  await ok(sdk, "removeDepartmentMembers", { organizationCode: `${n}-corp`, departmentId: dept, userIds: ids });
  assert.equal((await native("GET", `/api/v1/departments/${dept}/members`)).data.length, 0);
});

test("delete-resources-batch: a resource already gone with its parent is skipped, not an error", async () => {
  const parent = await native("POST", "/api/v1/resources", { organizationId: org.id, type: ns, externalId: "parent", name: "Parent" });
  await native("POST", "/api/v1/resources", { organizationId: org.id, type: ns, externalId: "child", name: "Child", parentId: parent.id });
  assert.deepEqual(await ok(sdk, "deleteResourcesBatch", { namespace: ns, codeList: ["parent", "child"] }), { success: true });
  assert.deepEqual(await ok(sdk, "getResourcesBatch", { namespace: ns, codeList: ["parent", "child"] }), []);
});
