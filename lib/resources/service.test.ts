import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Connection } from "@/db/client";
import { grants, resources } from "@/db/schema";
import { openTestDatabase } from "@/lib/testing/database";
import { createResourceType, createResourceTypes } from "@/lib/resource-types/service";
import { createTypeRule } from "@/lib/resource-types/hierarchy";
import { createOrganization, type OrganizationView } from "@/lib/organizations/service";
import { changesAfter, insertGrant, rejects, rejectsWithoutWriting } from "./fixtures";
import {
  countDescendants,
  createResource,
  deleteResource,
  getResource,
  getResourceByExternalId,
  listChildren,
  listResources,
  resourceAncestors,
  searchResources,
  updateResource,
  type SearchHit,
} from "./service";
import { MAX_DEPTH } from "./tree";

let conn: Connection;
let acme: OrganizationView;
let globex: OrganizationView;

const make = async (org: OrganizationView, type: string, externalId: string, extra: Record<string, unknown> = {}) =>
  (await createResource(conn.db, "t", { organizationId: org.id, type, externalId, name: externalId, ...extra })).value;

before(async () => {
  conn = await openTestDatabase();
  await createResourceTypes(conn.db, "t", [
    { key: "workspace", name: "Workspace" },
    { key: "folder", name: "Folder" },
    { key: "document", name: "Document" },
    { key: "note", name: "Note" },
  ]);
  // Documents only in folders; folders in workspaces or folders; workspaces and notes anywhere.
  await createTypeRule(conn.db, "t", { parentTypeId: "folder", childTypeId: "document" });
  await createTypeRule(conn.db, "t", { parentTypeId: "workspace", childTypeId: "folder" });
  await createTypeRule(conn.db, "t", { parentTypeId: "folder", childTypeId: "folder" });
  acme = (await createOrganization(conn.db, "t", { externalId: "acme", name: "Acme" })).value;
  globex = (await createOrganization(conn.db, "t", { externalId: "globex", name: "Globex" })).value;
});
after(() => conn.close());

describe("creating resources", () => {
  test("without a parent it goes under the organization's root; parents by id, compact ref or type + external id", async () => {
    const ws = await make(acme, "workspace", "ws1");
    assert.equal(ws.parentId, acme.rootResourceId);
    assert.equal(ws.type, "workspace");
    const byId = await make(acme, "folder", "f1", { parentId: ws.id });
    const byRef = await make(acme, "folder", "f2", { parentId: "folder:f1" });
    const byPair = await make(acme, "document", "d1", { parentType: "folder", parentExternalId: "f2", actions: ["read", "ecs:Start", "read"], description: "first" });
    assert.equal(byId.parentId, ws.id);
    assert.equal(byRef.parentId, byId.id);
    assert.equal(byPair.parentId, byRef.id);
    assert.deepEqual(byPair.actions, ["read", "ecs:Start"]);
    assert.equal(byPair.description, "first");
  });

  test("the type may be given by id, and must be visible from the organization's scope", async () => {
    const { value: local } = await createResourceType(conn.db, "t", { key: "ticket", name: "Ticket", scopeId: globex.scopeId });
    const ticket = await make(globex, local.id, "t1");
    assert.equal(ticket.type, "ticket");
    await rejects(createResource(conn.db, "t", { organizationId: acme.id, type: "ticket", externalId: "t1", name: "T" }), "not_found", "type");
    await rejects(createResource(conn.db, "t", { organizationId: acme.id, type: local.id, externalId: "t1", name: "T" }), "not_found", "type");
    await rejects(createResource(conn.db, "t", { organizationId: acme.id, type: "organization", externalId: "o", name: "O" }), "validation", "type", "not_organization");
  });

  test("(organization, type, external id) is unique", async () => {
    await rejectsWithoutWriting(conn.db, () => make(acme, "workspace", "ws1"), "conflict", "externalId");
    await make(acme, "note", "ws1");
    await make(globex, "workspace", "ws1");
  });

  test("type hierarchy rules are enforced; types without rules go anywhere", async () => {
    await rejectsWithoutWriting(conn.db, () => make(acme, "document", "loose"), "validation", "parentId", "type_hierarchy");
    await rejects(make(acme, "folder", "bad", { parentId: "note:ws1" }), "validation", "parentId", "type_hierarchy");
    await rejects(make(acme, "document", "bad", { parentType: "workspace", parentExternalId: "ws1" }), "validation", "parentExternalId", "type_hierarchy");
    await make(acme, "note", "under-doc", { parentId: "document:d1" });
  });

  test("unknown or foreign parents and field limits are refused, naming the field", async () => {
    await rejects(make(acme, "note", "n", { parentId: "authz_resource_nope" }), "not_found", "parentId");
    await rejects(make(acme, "note", "n", { parentId: "folder:nope" }), "not_found", "parentId");
    const foreign = (await getResource(conn.db, "workspace:ws1", { organization: "globex" })).id;
    await rejects(make(acme, "note", "n", { parentId: foreign }), "validation", "parentId", "same_organization");
    await rejects(make(acme, "note", "n", { parentType: "folder" }), "validation", "parentExternalId");
    await rejects(make(acme, "note", "n", { parentId: "folder:f1", parentType: "folder", parentExternalId: "f1" }), "validation", "parentId");
    await rejects(make(acme, "note", "x".repeat(257)), "validation", "externalId");
    await rejects(make(acme, "note", "tab\there"), "validation", "externalId");
    await rejects(make(acme, "note", "ok", { name: "n".repeat(201) }), "validation", "name");
    await rejects(make(acme, "note", "ok", { description: "d".repeat(2001) }), "validation", "description");
    await rejects(make(acme, "note", "ok", { actions: ["has space"] }), "validation", "actions.0");
    await rejects(createResource(conn.db, "t", { organizationId: "nobody", type: "note", externalId: "n", name: "n" }), "not_found", "organizationId");
    await rejects(createResource(conn.db, "t", { organizationId: acme.id, type: "note", externalId: "n", name: "n", extra: 1 }), "validation", "body");
  });

  test(`no resource sits more than ${MAX_DEPTH} levels below the root`, async () => {
    let parent = acme.rootResourceId;
    for (let depth = 1; depth <= MAX_DEPTH; depth++) parent = (await make(acme, "note", `deep-${depth}`, { parentId: parent })).id;
    await rejects(make(acme, "note", "too-deep", { parentId: parent }), "validation", "parentId", "max_depth");
    const deepest = await resourceAncestors(conn.db, parent);
    assert.equal(deepest.length, MAX_DEPTH);
    await deleteResource(conn.db, "t", "note:deep-1", { organization: acme.id, cascade: true });
  });
});

describe("reading resources", () => {
  test("by id, by compact ref and by (organization, type, external id)", async () => {
    const doc = await getResource(conn.db, "document:d1");
    assert.equal((await getResource(conn.db, doc.id)).externalId, "d1");
    assert.equal((await getResourceByExternalId(conn.db, { organization: "acme", type: "document", externalId: "d1" })).id, doc.id);
    await rejects(getResourceByExternalId(conn.db, { organization: "acme", type: "document", externalId: "zz" }), "not_found", "externalId");
    await rejects(getResource(conn.db, "workspace:ws1"), "conflict", "id", "ambiguous");
  });

  test("children page by cursor and carry their child counts", async () => {
    const ws = await make(acme, "workspace", "wide");
    for (let i = 0; i < 5; i++) await make(acme, "folder", `wide-${i}`, { parentId: ws.id });
    await make(acme, "document", "wide-doc", { parentId: "folder:wide-0" });
    const first = await listChildren(conn.db, ws.id, { limit: 3 });
    assert.equal(first.data.length, 3);
    assert.equal(first.data[0].childCount, 1);
    const second = await listChildren(conn.db, ws.id, { limit: 3, cursor: first.nextCursor });
    assert.equal(second.data.length, 2);
    assert.equal(second.nextCursor, null);
    const listed = await listResources(conn.db, { organization: "acme", parentId: "workspace:wide", type: "folder", limit: 10 });
    assert.equal(listed.data.length, 5);
    const roots = await listChildren(conn.db, "organization:acme", {});
    assert.ok(roots.data.some((r) => r.externalId === "wide" && r.childCount === 5));
  });

  test("ancestors run from the root down to the parent", async () => {
    const path = await resourceAncestors(conn.db, "document:d1");
    assert.deepEqual(path.map((r) => r.externalId), ["acme", "ws1", "f1", "f2"]);
    assert.deepEqual(await resourceAncestors(conn.db, "organization:acme"), []);
  });

  test("search is case-insensitive over names and external ids, literal, bounded, and shows paths", async () => {
    await make(acme, "note", "Quarterly_Report", { name: "Q3 100% done" });
    const byName = await searchResources(conn.db, { organization: "acme", search: "100%" });
    assert.deepEqual(byName.data.map((r) => r.externalId), ["Quarterly_Report"]);
    const byExternal = await searchResources(conn.db, { organization: "acme", search: "quarterly_" });
    assert.equal(byExternal.data.length, 1);
    assert.equal((await searchResources(conn.db, { organization: "acme", search: "quarterlyX" })).data.length, 0);
    assert.equal((await searchResources(conn.db, { organization: "acme", search: "_" })).data.length, 1, "'_' is literal, not a wildcard");
    const hit = (await listResources(conn.db, { organization: "acme", search: "D1" })).data[0] as SearchHit;
    assert.deepEqual(hit.path.map((r) => r.externalId), ["acme", "ws1", "f1", "f2"]);
    await rejects(searchResources(conn.db, { organization: "acme", search: "x", limit: 101 }), "validation", "limit");
    const paged = await searchResources(conn.db, { organization: "acme", search: "wide-", limit: 4 });
    assert.equal(paged.data.length, 4);
    assert.equal((await searchResources(conn.db, { organization: "acme", search: "wide-", limit: 4, cursor: paged.nextCursor })).data.length, 2);
  });

  test("descendant counts say what a cascade delete would remove", async () => {
    const ws = await getResource(conn.db, "workspace:ws1", { organization: "acme" });
    await insertGrant(conn.db, { organizationId: acme.id, subjectType: "user", subjectId: "user_x", resourceId: (await getResource(conn.db, "document:d1")).id });
    assert.deepEqual(await countDescendants(conn.db, ws.id), { resourceId: ws.id, descendants: 4, grants: 1 });
  });
});

describe("updating and deleting resources", () => {
  test("name, description and actions update; a parentId moves", async () => {
    const { value } = await updateResource(conn.db, "t", "document:d1", { name: "Renamed", description: null, actions: ["write"], metadata: { apiIdentifier: "x" }, parentId: "folder:f1" });
    assert.deepEqual([value.name, value.description, value.actions, value.metadata], ["Renamed", null, ["write"], { apiIdentifier: "x" }]);
    assert.equal(value.parentId, (await getResource(conn.db, "folder:f1")).id);
    await rejectsWithoutWriting(conn.db, () => updateResource(conn.db, "t", "document:d1", { name: "x", parentId: "workspace:ws1" }, { organization: "acme" }), "validation", "parentId", "type_hierarchy");
    assert.equal((await getResource(conn.db, "document:d1")).name, "Renamed", "a refused move also drops the rename");
    await rejects(updateResource(conn.db, "t", "document:d1", { externalId: "new" }), "validation", "body");
  });

  test("delete refuses children, grants and the root; nothing is written", async () => {
    await rejectsWithoutWriting(conn.db, () => deleteResource(conn.db, "t", "folder:f1"), "conflict", "id", "has_children");
    const granted = await make(acme, "document", "granted", { parentId: "folder:f1" });
    await insertGrant(conn.db, { organizationId: acme.id, subjectType: "user", subjectId: "user_x", resourceId: granted.id });
    await rejectsWithoutWriting(conn.db, () => deleteResource(conn.db, "t", granted.id), "conflict", "id", "has_grants");
    await rejectsWithoutWriting(conn.db, () => deleteResource(conn.db, "t", acme.rootResourceId, { cascade: true }), "conflict", "id", "root");
    await rejects(deleteResource(conn.db, "t", "folder:f1", { cascade: "maybe" }), "validation", "cascade");
  });

  test("cascade removes the subtree and every grant on it, one change row each, and leaves no orphan", async () => {
    const ws = await make(acme, "workspace", "cascade-ws");
    const folder = await make(acme, "folder", "cascade-f", { parentId: ws.id });
    const docs = [await make(acme, "document", "cascade-d1", { parentId: folder.id }), await make(acme, "document", "cascade-d2", { parentId: folder.id })];
    const onWs = await insertGrant(conn.db, { organizationId: acme.id, subjectType: "user", subjectId: "user_a", resourceId: ws.id });
    const onDoc = await insertGrant(conn.db, { organizationId: acme.id, subjectType: "group", subjectId: "group_b", resourceId: docs[1].id });
    const pattern = await insertGrant(conn.db, { organizationId: acme.id, subjectType: "user", subjectId: "user_a", resourcePattern: "cascade-*" });
    const subtree = [ws.id, folder.id, ...docs.map((d) => d.id)];

    const { value, revision } = await deleteResource(conn.db, "t", "workspace:cascade-ws", { organization: "acme", cascade: true });
    assert.deepEqual(value.removed, { resources: 4, grants: 2 });
    assert.equal((await conn.db.select().from(resources).where(inArray(resources.id, subtree))).length, 0);
    const left = await conn.db.select().from(grants).where(inArray(grants.id, [onWs.id, onDoc.id, pattern.id]));
    assert.deepEqual(left.map((g) => g.id), [pattern.id], "pattern grants do not belong to one resource and stay");
    const targets = await conn.db
      .select({ target: resources.id })
      .from(grants)
      .leftJoin(resources, eq(resources.id, grants.resourceId))
      .where(and(eq(grants.organizationId, acme.id), isNotNull(grants.resourceId)));
    assert.ok(targets.every((g) => g.target !== null), "every resource grant still points at a resource");
    const changes = await changesAfter(conn.db, revision - 1);
    assert.deepEqual(changes.filter((c) => c.entityType === "resource").map((c) => c.entityId).sort(), [...subtree].sort());
    assert.deepEqual(changes.filter((c) => c.entityType === "grant").map((c) => c.entityId).sort(), [onWs.id, onDoc.id].sort());
    assert.ok(changes.every((c) => c.operation === "delete" && c.before && c.revision === revision));
  });
});
