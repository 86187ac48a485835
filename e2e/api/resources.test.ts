import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { api, unique } from "./client";

// Type keys are global to the root scope, so each run gets its own.
const folder = unique("folder-");
const doc = unique("doc-");
let org: { id: string; externalId: string; rootResourceId: string };

const create = (body: Record<string, unknown>) => api("POST", "/api/v1/resources", { organizationId: org.id, ...body });
// Other test files write concurrently; this organization is only ours.
const changeCount = async () => (await api("GET", `/api/v1/changes?after=0&organizationId=${org.id}&limit=1000`)).body.data.length;

before(async () => {
  const types = await api("POST", "/api/v1/resource-types/batch", [
    { key: folder, name: "Folder" },
    { key: doc, name: "Document" },
  ]);
  assert.equal(types.status, 201, JSON.stringify(types.body));
  await api("POST", "/api/v1/resource-type-hierarchy", { parentTypeId: folder, childTypeId: doc });
  await api("POST", "/api/v1/resource-type-hierarchy", { parentTypeId: folder, childTypeId: folder });
  await api("POST", "/api/v1/resource-type-hierarchy", { parentTypeId: "organization", childTypeId: folder });
  org = (await api("POST", "/api/v1/organizations", { externalId: unique("res-org-"), name: "Resources" })).body;
});

describe("native API: resources", () => {
  test("create under the root or a parent (id, compact ref, type + external id) and read back", async () => {
    const top = await create({ type: folder, externalId: "top", name: "Top" });
    assert.equal(top.status, 201, JSON.stringify(top.body));
    assert.equal(top.body.parentId, org.rootResourceId);
    assert.equal(top.body.type, folder);
    assert.equal(top.headers.get("arbor-revision"), String(top.body.revision));
    const sub = await create({ type: folder, externalId: "sub", name: "Sub", parentId: `${folder}:top` });
    assert.equal(sub.body.parentId, top.body.id);
    const file = await create({ type: doc, externalId: "a:b/c", name: "File", parentType: folder, parentExternalId: "sub", actions: ["read", "ecs:Start"] });
    assert.equal(file.status, 201, JSON.stringify(file.body));
    assert.equal(file.body.parentId, sub.body.id);

    const byRef = await api("GET", `/api/v1/resources/${doc}:${encodeURIComponent("a:b/c")}?organization=${org.externalId}`);
    assert.equal(byRef.status, 200, JSON.stringify(byRef.body));
    assert.equal(byRef.body.id, file.body.id);
    assert.deepEqual(byRef.body.actions, ["read", "ecs:Start"]);

    const ancestors = await api("GET", `/api/v1/resources/${file.body.id}/ancestors`);
    assert.deepEqual(ancestors.body.data.map((r: any) => r.externalId), [org.externalId, "top", "sub"]);
    const children = await api("GET", `/api/v1/resources/${top.body.id}/children?limit=10`);
    assert.deepEqual(children.body.data.map((r: any) => [r.externalId, r.childCount]), [["sub", 1]]);
    const descendants = await api("GET", `/api/v1/resources/${folder}:top/descendants?organization=${org.id}`);
    assert.deepEqual([descendants.body.descendants, descendants.body.grants], [2, 0]);
  });

  test("list needs an organization, filters by parent and type, and searches with paths", async () => {
    const missing = await api("GET", "/api/v1/resources");
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.issues[0].field, "organization");
    const folders = await api("GET", `/api/v1/resources?organization=${org.id}&type=${folder}`);
    assert.deepEqual(folders.body.data.map((r: any) => r.externalId).sort(), ["sub", "top"]);
    const underTop = await api("GET", `/api/v1/resources?organization=${org.id}&parentId=${folder}:top`);
    assert.deepEqual(underTop.body.data.map((r: any) => r.externalId), ["sub"]);
    const found = await api("GET", `/api/v1/resources?organization=${org.externalId}&search=FILE`);
    assert.equal(found.body.data.length, 1);
    assert.deepEqual(found.body.data[0].path.map((r: any) => r.externalId), [org.externalId, "top", "sub"]);
  });

  test("update, move (POST and PATCH), and the refusals: cycle, hierarchy, root", async () => {
    const other = (await create({ type: folder, externalId: "other", name: "Other" })).body;
    const patched = await api("PATCH", `/api/v1/resources/${folder}:sub?organization=${org.id}`, { description: "moved", parentId: other.id });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    assert.equal(patched.body.parentId, other.id);
    const back = await api("POST", `/api/v1/resources/${folder}:sub/move?organization=${org.id}`, { parentId: `${folder}:top` });
    assert.equal(back.status, 200);
    assert.equal(back.headers.get("arbor-revision"), String(back.body.revision));

    const before = await changeCount();
    const cycle = await api("POST", `/api/v1/resources/${folder}:top/move?organization=${org.id}`, { parentId: `${folder}:sub` });
    assert.equal(cycle.status, 400);
    assert.deepEqual([cycle.body.error.issues[0].field, cycle.body.error.issues[0].rule], ["parentId", "acyclic"]);
    const hierarchy = await api("POST", `/api/v1/resources/${doc}:${encodeURIComponent("a:b/c")}/move?organization=${org.id}`, { parentId: org.rootResourceId });
    assert.equal(hierarchy.status, 400);
    assert.equal(hierarchy.body.error.issues[0].rule, "type_hierarchy");
    const root = await api("POST", `/api/v1/resources/${org.rootResourceId}/move`, { parentId: other.id });
    assert.equal(root.status, 400);
    const badName = await api("PATCH", `/api/v1/resources/${other.id}`, { name: "" });
    assert.equal(badName.status, 400);
    assert.equal(badName.body.error.issues[0].field, "name");
    assert.equal(await changeCount(), before, "refused writes change nothing");
  });

  test("create refusals: duplicate 409, hierarchy 400, unknown parent/type 404, bad fields 400", async () => {
    const dup = await create({ type: folder, externalId: "top", name: "Again" });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.issues[0].field, "externalId");
    const misplaced = await create({ type: doc, externalId: "loose", name: "Loose" });
    assert.equal(misplaced.status, 400);
    assert.equal(misplaced.body.error.issues[0].rule, "type_hierarchy");
    const noParent = await create({ type: doc, externalId: "x", name: "X", parentId: "authz_resource_missing" });
    assert.equal(noParent.status, 404);
    assert.equal(noParent.body.error.issues[0].field, "parentId");
    const noType = await create({ type: "nothing-here", externalId: "x", name: "X" });
    assert.equal(noType.status, 404);
    assert.equal(noType.body.error.issues[0].field, "type");
    const longId = await create({ type: folder, externalId: "x".repeat(257), name: "X" });
    assert.equal(longId.status, 400);
    assert.equal(longId.body.error.issues[0].field, "externalId");
    assert.equal((await api("GET", "/api/v1/resources/authz_resource_missing")).status, 404);
    const malformed = await api("GET", "/api/v1/resources/not-a-ref");
    assert.equal(malformed.status, 400);
  });

  test("the same compact ref in two organizations is ambiguous (409) until organization chooses", async () => {
    const second = (await api("POST", "/api/v1/organizations", { externalId: unique("res-org2-"), name: "Second" })).body;
    await api("POST", "/api/v1/resources", { organizationId: second.id, type: folder, externalId: "top", name: "Top too" });
    const ambiguous = await api("GET", `/api/v1/resources/${folder}:top`);
    assert.equal(ambiguous.status, 409);
    assert.equal(ambiguous.body.error.issues[0].rule, "ambiguous");
    const chosen = await api("GET", `/api/v1/resources/${folder}:top?organization=${second.externalId}`);
    assert.equal(chosen.body.organizationId, second.id);
  });

  test("delete: 409 with children, cascade removes the subtree, then 404", async () => {
    const refused = await api("DELETE", `/api/v1/resources/${folder}:top?organization=${org.id}`);
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.issues[0].rule, "has_children");
    const done = await api("DELETE", `/api/v1/resources/${folder}:top?organization=${org.id}&cascade=true`);
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.deepEqual(done.body.removed, { resources: 3, grants: 0 });
    assert.equal((await api("GET", `/api/v1/resources/${done.body.id}`)).status, 404);
    assert.equal((await api("GET", `/api/v1/resources/${doc}:${encodeURIComponent("a:b/c")}?organization=${org.id}`)).status, 404);
  });
});
