/**
 * WorkOS SDK, resources (contract §4 rows 20–27): by id and by external id,
 * lists with cursors both ways, cascade delete, percent-encoded external ids.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ConflictException, NotFoundException, UnprocessableEntityException } from "@workos-inc/node";
import { unique } from "./client";
import { inBatches, member, resourceTypes, throwsTyped, workos } from "./workos-fixtures";

const w = workos();
let types: { workspace: string; project: string; document: string };
let orgId: string;

before(async () => {
  types = await resourceTypes("workspace", "project", "document");
  orgId = (await w.organizations.createOrganization({ name: unique("Resources org ") })).id;
});

const create = (externalId: string, type: string, parent: { parentResourceId: string } | { parentResourceExternalId: string; parentResourceTypeSlug: string } | object = {}) =>
  w.authorization.createResource({ organizationId: orgId, resourceTypeSlug: type, externalId, name: externalId, ...parent });

describe("WorkOS SDK: resources", () => {
  test("createResource at the top, under a parent id and under a parent external id; getResource", async () => {
    const ws = await w.authorization.createResource({ organizationId: orgId, resourceTypeSlug: types.workspace, externalId: "ws-1", name: "Eng", description: "engineering" });
    assert.equal(ws.object, "authorization_resource");
    assert.match(ws.id, /^authz_resource_/);
    assert.deepEqual(
      [ws.externalId, ws.name, ws.description, ws.resourceTypeSlug, ws.organizationId, ws.parentResourceId],
      ["ws-1", "Eng", "engineering", types.workspace, orgId, null],
    );
    const byId = await create("p-1", types.project, { parentResourceId: ws.id });
    assert.equal(byId.parentResourceId, ws.id);
    const byExternal = await create("p-2", types.project, { parentResourceExternalId: "ws-1", parentResourceTypeSlug: types.workspace });
    assert.equal(byExternal.parentResourceId, ws.id);
    const underOrg = await create("ws-org", types.workspace, { parentResourceExternalId: orgId, parentResourceTypeSlug: "organization" });
    assert.equal(underOrg.parentResourceId, null, "the organization is the implicit parent");
    assert.deepEqual(await w.authorization.getResource(byId.id), byId);
    assert.equal(byId.description, null);
  });

  test("getResourceByExternalId, updateResource, updateResourceByExternalId", async () => {
    const ws = await create(unique("ws-"), types.workspace);
    const got = await w.authorization.getResourceByExternalId({ organizationId: orgId, resourceTypeSlug: types.workspace, externalId: ws.externalId });
    assert.deepEqual(got, ws);
    const renamed = await w.authorization.updateResource({ resourceId: ws.id, name: "Renamed", description: "now described" });
    assert.deepEqual([renamed.id, renamed.name, renamed.description], [ws.id, "Renamed", "now described"]);
    const cleared = await w.authorization.updateResource({ resourceId: ws.id, description: null });
    assert.deepEqual([cleared.name, cleared.description], ["Renamed", null]);
    const byKey = await w.authorization.updateResourceByExternalId({ organizationId: orgId, resourceTypeSlug: types.workspace, externalId: ws.externalId, name: "By key" });
    assert.equal(byKey.name, "By key");
    assert.equal((await w.authorization.getResource(ws.id)).name, "By key");
  });

  test("external ids with '/', spaces, ':' and '%' round-trip through the path", async () => {
    const ws = await create(unique("ws-"), types.workspace);
    for (const externalId of ["a/b c:d", "a/b c:d%2F", "x%y", "spaces  twice", "colon:a:b"]) {
      const made = await create(externalId, types.project, { parentResourceId: ws.id });
      const key = { organizationId: orgId, resourceTypeSlug: types.project, externalId };
      const got = await w.authorization.getResourceByExternalId(key);
      assert.deepEqual([got.id, got.externalId], [made.id, externalId]);
      assert.equal((await w.authorization.updateResourceByExternalId({ ...key, name: "n" })).name, "n");
      await w.authorization.deleteResourceByExternalId(key);
      await throwsTyped(w.authorization.getResourceByExternalId(key), NotFoundException);
    }
  });

  test("listResources filters by organization, type, parent id and parent external id", async () => {
    const ws = await create(unique("ws-"), types.workspace);
    const p1 = await create(unique("p-"), types.project, { parentResourceId: ws.id });
    const p2 = await create(unique("p-"), types.project, { parentResourceId: ws.id });
    const doc = await create(unique("d-"), types.document, { parentResourceId: p1.id });
    const ids = (page: { data: { id: string }[] }) => page.data.map((r) => r.id);

    const projects = await w.authorization.listResources({ organizationId: orgId, resourceTypeSlug: types.project, parentResourceId: ws.id });
    assert.deepEqual(ids(projects), [p2.id, p1.id], "newest first by default");
    const children = await w.authorization.listResources({ parentResourceTypeSlug: types.workspace, parentExternalId: ws.externalId, organizationId: orgId, order: "asc" });
    assert.deepEqual(ids(children), [p1.id, p2.id]);
    const docs = await w.authorization.listResources({ organizationId: orgId, resourceTypeSlug: types.document });
    assert.ok(ids(docs).includes(doc.id));
    const all = await (await w.authorization.listResources({ organizationId: orgId })).autoPagination();
    assert.ok([ws, p1, p2, doc].every((r) => all.some((x) => x.id === r.id)));
    assert.ok(all.every((r) => r.organizationId === orgId && r.resourceTypeSlug !== "organization"), "the organization's own resource is never listed");
    await throwsTyped(w.authorization.listResources({ organizationId: orgId, resourceTypeSlug: "no-such-type" }), UnprocessableEntityException);
  });

  test("autoPagination over 250 resources returns each exactly once; before/after paging agrees in both orders", async () => {
    const ws = await create(unique("big-"), types.workspace);
    const made = await inBatches(250, 25, (i) => create(`item-${String(i).padStart(3, "0")}`, types.project, { parentResourceId: ws.id }));
    const expected = made.map((r) => r.id).sort();

    const auto = await (await w.authorization.listResources({ parentResourceId: ws.id })).autoPagination();
    assert.equal(auto.length, 250);
    assert.equal(new Set(auto.map((r) => r.id)).size, 250, "each exactly once");
    assert.deepEqual(auto.map((r) => r.id), [...expected].reverse(), "desc by default");

    for (const order of ["asc", "desc"] as const) {
      const inOrder = order === "asc" ? expected : [...expected].reverse();
      // Forward with `after` …
      const pages: string[][] = [];
      let after: string | undefined;
      let firstBefore: string | null | undefined = "unset";
      do {
        const page = await w.authorization.listResources({ parentResourceId: ws.id, limit: 40, order, after });
        if (firstBefore === "unset") firstBefore = page.listMetadata.before;
        pages.push(page.data.map((r) => r.id));
        after = page.listMetadata.after ?? undefined;
      } while (after);
      assert.equal(firstBefore, null, "nothing comes before the first page");
      assert.deepEqual(pages.flat(), inOrder);
      assert.deepEqual(pages.map((p) => p.length), [40, 40, 40, 40, 40, 40, 10]);
      // … and back with `before`, from the last page to the first.
      const back: string[][] = [pages[pages.length - 1]];
      let before = (await w.authorization.listResources({ parentResourceId: ws.id, limit: 40, order, after: pages[pages.length - 2].at(-1) })).listMetadata.before;
      while (before) {
        const page = await w.authorization.listResources({ parentResourceId: ws.id, limit: 40, order, before });
        back.unshift(page.data.map((r) => r.id));
        before = page.listMetadata.before;
      }
      assert.deepEqual(back.flat(), inOrder);
      assert.deepEqual(back.map((p) => p.length), [40, 40, 40, 40, 40, 40, 10], "walking back gives the same pages");
    }
  });

  test("delete: refused while children or assignments exist; cascade removes the subtree and its assignments", async () => {
    const ws = await create(unique("del-"), types.workspace);
    const project = await create(unique("p-"), types.project, { parentResourceId: ws.id });
    const doc = await create(unique("d-"), types.document, { parentResourceId: project.id });
    const role = unique("doc-role-");
    await w.authorization.createEnvironmentRole({ slug: role, name: "Doc role", resourceTypeSlug: types.document });
    const { membership } = await member(w, orgId, "del");
    await w.authorization.assignRole({ organizationMembershipId: membership.id, roleSlug: role, resourceId: doc.id });

    await throwsTyped(w.authorization.deleteResource({ resourceId: ws.id }), ConflictException);
    await throwsTyped(w.authorization.deleteResource({ resourceId: ws.id, cascadeDelete: false }), ConflictException);
    await throwsTyped(w.authorization.deleteResource({ resourceId: doc.id }), ConflictException, 409);
    assert.equal((await w.authorization.getResource(doc.id)).id, doc.id, "nothing was deleted");
    assert.equal((await w.authorization.listRoleAssignments({ organizationMembershipId: membership.id })).data.length, 1);

    await w.authorization.deleteResource({ resourceId: ws.id, cascadeDelete: true });
    for (const r of [ws, project, doc]) await throwsTyped(w.authorization.getResource(r.id), NotFoundException);
    assert.equal((await w.authorization.listRoleAssignments({ organizationMembershipId: membership.id })).data.length, 0, "assignments on the subtree are gone");

    const leaf = await create(unique("leaf-"), types.workspace);
    await w.authorization.deleteResource({ resourceId: leaf.id });
    await throwsTyped(w.authorization.getResource(leaf.id), NotFoundException);

    const tree = await create(unique("tree-"), types.workspace);
    await create(unique("p-"), types.project, { parentResourceId: tree.id });
    const key = { organizationId: orgId, resourceTypeSlug: types.workspace, externalId: tree.externalId };
    await throwsTyped(w.authorization.deleteResourceByExternalId({ ...key, cascadeDelete: false }), ConflictException);
    await w.authorization.deleteResourceByExternalId({ ...key, cascadeDelete: true });
    await throwsTyped(w.authorization.getResource(tree.id), NotFoundException);
  });

  test("the organization's own resource answers to type `organization` and cannot be edited or deleted", async () => {
    const key = { organizationId: orgId, resourceTypeSlug: "organization", externalId: orgId };
    const root = await w.authorization.getResourceByExternalId(key);
    assert.deepEqual([root.resourceTypeSlug, root.organizationId, root.parentResourceId], ["organization", orgId, null]);
    await throwsTyped(w.authorization.updateResourceByExternalId({ ...key, name: "renamed" }), ConflictException);
    await throwsTyped(w.authorization.deleteResource({ resourceId: root.id, cascadeDelete: true }), ConflictException);
    assert.equal((await w.authorization.getResource(root.id)).name, root.name);
  });

  test("errors: unknown id → not found, duplicate external id → conflict, missing name or both parent forms → unprocessable", async () => {
    await throwsTyped(w.authorization.getResource("authz_resource_missing"), NotFoundException);
    await throwsTyped(w.authorization.getResource("not-an-id"), NotFoundException);
    await throwsTyped(w.authorization.updateResource({ resourceId: "authz_resource_missing", name: "x" }), NotFoundException);
    await throwsTyped(w.authorization.deleteResource({ resourceId: "authz_resource_missing" }), NotFoundException);
    await throwsTyped(w.authorization.getResourceByExternalId({ organizationId: orgId, resourceTypeSlug: types.project, externalId: "nope" }), NotFoundException);
    const ws = await create(unique("dup-"), types.workspace);
    await throwsTyped(create(ws.externalId, types.workspace), ConflictException);
    await throwsTyped(w.authorization.createResource({ organizationId: orgId, resourceTypeSlug: types.workspace, externalId: unique("x"), name: "" }), UnprocessableEntityException);
    await throwsTyped(
      w.authorization.createResource({ organizationId: orgId, resourceTypeSlug: types.project, externalId: unique("x"), name: "x", parentResourceId: ws.id, parentResourceExternalId: ws.externalId, parentResourceTypeSlug: types.workspace } as any),
      UnprocessableEntityException,
    );
    await throwsTyped(w.authorization.createResource({ organizationId: "org_missing", resourceTypeSlug: types.workspace, externalId: unique("x"), name: "x" }), NotFoundException);
  });
});
