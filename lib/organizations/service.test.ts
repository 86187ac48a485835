import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import type { Connection } from "@/db/client";
import { grants, resources, scopes } from "@/db/schema";
import { openTestDatabase } from "@/lib/testing/database";
import { write } from "@/lib/revisions/write";
import { createResourceType } from "@/lib/resource-types/service";
import { createScope } from "@/lib/scopes/service";
import { createRole } from "@/lib/roles/service";
import { createGrant } from "@/lib/grants/service";
import { createResource } from "@/lib/resources/service";
import { changesAfter, insertGrant, rejects, rejectsWithoutWriting } from "@/lib/resources/fixtures";
import { createGroup } from "@/lib/subjects/groups";
import { createDepartment } from "@/lib/subjects/departments";
import { createMembership } from "@/lib/subjects/memberships";
import { createUser } from "@/lib/subjects/users";
import {
  createOrganization,
  deleteOrganization,
  ensureOrganizationInTx,
  getOrganization,
  getOrganizationView,
  listOrganizations,
  rootResource,
  updateOrganization,
} from "./service";

let conn: Connection;
before(async () => {
  conn = await openTestDatabase();
  await createResourceType(conn.db, "t", { key: "project", name: "Project" });
});
after(() => conn.close());

describe("organizations", () => {
  test("creating one makes its scope and its root resource, and records all three", async () => {
    const { value: org, revision } = await createOrganization(conn.db, "t", { externalId: "acme", name: "Acme" });
    assert.match(org.id, /^org_/);
    const [scope] = await conn.db.select().from(scopes).where(eq(scopes.id, org.scopeId));
    assert.equal(scope.key, org.id);
    assert.equal(scope.parentId, "scope_default");
    const root = await rootResource(conn.db, org);
    assert.equal(root.id, org.rootResourceId);
    assert.deepEqual([root.externalId, root.name, root.parentId, root.resourceTypeId], ["acme", "Acme", null, "rtype_organization"]);
    const changes = await changesAfter(conn.db, revision - 1);
    assert.deepEqual(changes.map((c) => c.entityType).sort(), ["organization", "resource", "scope"]);
  });

  test("created under a chosen scope, it inherits that scope's definitions; the root scope does not see them", async () => {
    await createScope(conn.db, "t", { id: "scope_acme", name: "Acme" });
    await createRole(conn.db, "t", { slug: "acme-editor", name: "Acme editor", scopeId: "scope_acme" });
    const { value: user } = await createUser(conn.db, "t", { externalId: "scoped-user" });
    const { value: under } = await createOrganization(conn.db, "t", { name: "Under Acme", scopeId: "acme" });
    const [scope] = await conn.db.select().from(scopes).where(eq(scopes.id, under.scopeId));
    assert.equal(scope.parentId, "scope_acme");
    const { value: grant } = await createGrant(conn.db, "t", { subject: user.id, role: "acme-editor", resource: under.rootResourceId });
    assert.equal(grant.role, "acme-editor");
    const { value: plain } = await createOrganization(conn.db, "t", { name: "Under root" });
    await rejects(createGrant(conn.db, "t", { subject: user.id, role: "acme-editor", resource: plain.rootResourceId }), "not_found", "role");
  });

  test("an unknown scope is refused, naming scopeId, and nothing is written", async () => {
    await rejectsWithoutWriting(conn.db, () => createOrganization(conn.db, "t", { name: "Nowhere", scopeId: "scope_nope" }), "not_found", "scopeId");
  });

  test("without an external id the root resource is keyed by the organization id", async () => {
    const { value: org } = await createOrganization(conn.db, "t", { name: "Plain" });
    assert.equal(org.externalId, null);
    assert.equal((await rootResource(conn.db, org)).externalId, org.id);
  });

  test("found by id or external id; duplicates and bad input refused", async () => {
    const byExternal = await getOrganization(conn.db, "acme");
    assert.equal((await getOrganization(conn.db, byExternal.id)).id, byExternal.id);
    await rejects(getOrganization(conn.db, "nope"), "not_found", "id");
    await rejectsWithoutWriting(conn.db, () => createOrganization(conn.db, "t", { externalId: "acme", name: "Again" }), "conflict", "externalId");
    await rejects(createOrganization(conn.db, "t", { name: "" }), "validation", "name");
    await rejects(createOrganization(conn.db, "t", { name: "x".repeat(201) }), "validation", "name");
    await rejects(createOrganization(conn.db, "t", { name: "Ctl", externalId: "a\u0000b" }), "validation", "externalId");
    await rejects(createOrganization(conn.db, "t", { name: "Long", externalId: "x".repeat(257) }), "validation", "externalId");
  });

  test("lists page with a cursor and filter by search", async () => {
    for (const n of [1, 2, 3]) await createOrganization(conn.db, "t", { externalId: `paged-${n}`, name: `Paged ${n}` });
    const first = await listOrganizations(conn.db, { search: "paged", limit: 2 });
    assert.equal(first.data.length, 2);
    assert.ok(first.nextCursor);
    const second = await listOrganizations(conn.db, { search: "PAGED", limit: 2, cursor: first.nextCursor });
    assert.deepEqual(second.data.map((o) => o.externalId), ["paged-3"]);
    assert.equal(second.nextCursor, null);
    assert.ok(second.data[0].rootResourceId.startsWith("authz_resource_"));
  });

  test("a rename renames the root resource too", async () => {
    const { value } = await updateOrganization(conn.db, "t", "acme", { name: "Acme Inc" });
    assert.equal(value.name, "Acme Inc");
    assert.equal((await rootResource(conn.db, value)).name, "Acme Inc");
  });

  test("ensureOrganizationInTx finds by external id or creates once", async () => {
    const { value: created } = await write(conn.db, "t", (w) => ensureOrganizationInTx(w, "imported"));
    const { value: again } = await write(conn.db, "t", (w) => ensureOrganizationInTx(w, "imported"));
    assert.equal(again.id, created.id);
    assert.equal((await getOrganizationView(conn.db, "imported")).rootResourceId, (await rootResource(conn.db, created)).id);
  });

  test("delete is refused while it holds data, and cascade removes it all, recorded", async () => {
    const { value: org } = await createOrganization(conn.db, "t", { externalId: "doomed", name: "Doomed" });
    const { value: project } = await createResource(conn.db, "t", { organizationId: org.id, type: "project", externalId: "p1", name: "P1" });
    const { value: group } = await createGroup(conn.db, "t", { organizationId: org.id, name: "Staff" });
    await createDepartment(conn.db, "t", { organizationId: org.id, name: "Sales" });
    const { value: user } = await createUser(conn.db, "t", { externalId: "doomed-user" });
    await createMembership(conn.db, "t", { userId: user.id, organizationId: org.id });
    const onProject = await insertGrant(conn.db, { organizationId: org.id, subjectType: "group", subjectId: group.id, resourceId: project.id });
    const onRoot = await insertGrant(conn.db, { organizationId: org.id, subjectType: "user", subjectId: user.id, resourceId: org.rootResourceId });

    await rejectsWithoutWriting(conn.db, () => deleteOrganization(conn.db, "t", org.id), "conflict", "id", "has_dependents");
    const { value, revision } = await deleteOrganization(conn.db, "t", "doomed", { cascade: "true" });
    assert.deepEqual(value.removed, { resources: 2, grants: 2, groups: 1, departments: 1, memberships: 1 });
    await rejects(getOrganization(conn.db, org.id), "not_found", "id");
    assert.equal((await conn.db.select().from(resources).where(eq(resources.organizationId, org.id))).length, 0);
    assert.equal((await conn.db.select().from(grants).where(eq(grants.organizationId, org.id))).length, 0);
    const deleted = (await changesAfter(conn.db, revision - 1)).filter((c) => c.operation === "delete").map((c) => `${c.entityType}:${c.entityId}`);
    for (const id of [`grant:${onProject.id}`, `grant:${onRoot.id}`, `resource:${project.id}`, `resource:${org.rootResourceId}`, `group:${group.id}`, `organization:${org.id}`]) {
      assert.ok(deleted.includes(id), `change log misses ${id}`);
    }
  });

  test("an empty organization deletes without cascade", async () => {
    const { value: org } = await createOrganization(conn.db, "t", { name: "Empty" });
    const { value } = await deleteOrganization(conn.db, "t", org.id);
    assert.equal(value.removed.resources, 1);
    assert.equal((await conn.db.select().from(scopes).where(eq(scopes.id, org.scopeId))).length, 0);
  });

  test("definitions in its scope block deletion even with cascade", async () => {
    const { value: org } = await createOrganization(conn.db, "t", { name: "Definer" });
    await createResourceType(conn.db, "t", { key: "ticket", name: "Ticket", scopeId: org.scopeId });
    await rejectsWithoutWriting(conn.db, () => deleteOrganization(conn.db, "t", org.id, { cascade: true }), "conflict", "id", "in_use");
  });
});
