/**
 * Decision semantics, one rule per test, on a small organization:
 *   acme ─ workspace ws1 ─ project p1 ─ document d1
 *                                    └─ document d2
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { ArborError } from "@/lib/shared/errors";
import { createResourceTypes } from "@/lib/resource-types/service";
import { createPermissions } from "@/lib/permissions/service";
import { createRole } from "@/lib/roles/service";
import { createOrganization } from "@/lib/organizations/service";
import { createResource, deleteResource } from "@/lib/resources/service";
import { moveResource } from "@/lib/resources/move";
import { createUser } from "@/lib/subjects/users";
import { addGroupMember, createGroup } from "@/lib/subjects/groups";
import { addDepartmentMember, createDepartment } from "@/lib/subjects/departments";
import { createGrant, revokeGrant } from "@/lib/grants/service";
import { check, checkBatch, explain } from "./check";
import { effectiveActions, lookupResources, lookupSubjects } from "./lookup";

let conn: Connection;
const A = "t";
const org = "acme";

const allowed = async (subject: string, action: string, resource: string, context?: Record<string, string>) =>
  (await check(conn.db, { subject, action, resource, organization: org, context })).allowed;

before(async () => {
  conn = await openTestDatabase();
  const db = conn.db;
  await createResourceTypes(db, A, ["workspace", "project", "document"].map((key) => ({ key, name: key })));
  await createPermissions(db, A, [
    { action: "read", resourceType: "workspace" },
    { action: "read", resourceType: "project" },
    { action: "read", resourceType: "document" },
    { action: "write", resourceType: "document" },
  ]);
  await createRole(db, A, { slug: "viewer", name: "Viewer", permissions: ["workspace:read", "project:read", "document:read"] });
  await createRole(db, A, { slug: "editor", name: "Editor", permissions: ["document:write"], includes: ["viewer"] });
  await createOrganization(db, A, { externalId: org, name: "Acme" });
  await createResource(db, A, { organizationId: org, type: "workspace", externalId: "ws1", name: "WS" });
  await createResource(db, A, { organizationId: org, type: "project", externalId: "p1", name: "P1", parentId: "workspace:ws1" });
  await createResource(db, A, { organizationId: org, type: "document", externalId: "d1", name: "D1", parentId: "project:p1" });
  await createResource(db, A, { organizationId: org, type: "document", externalId: "d2", name: "D2", parentId: "project:p1" });
  for (const u of ["alice", "bob", "carol", "dave", "erin"]) await createUser(db, A, { externalId: u, name: u });
  await createGroup(db, A, { organizationId: org, externalId: "eng", name: "Engineering" });
  await createGroup(db, A, { organizationId: org, externalId: "all", name: "Everyone" });
  await addGroupMember(db, A, "eng", { type: "user", id: "alice" }, { organization: org });
  await addGroupMember(db, A, "all", { type: "group", id: "eng" }, { organization: org });
  await createDepartment(db, A, { organizationId: org, externalId: "company", name: "Company" });
  await createDepartment(db, A, { organizationId: org, externalId: "sales", name: "Sales", parentId: "company" });
  await addDepartmentMember(db, A, "sales", { userId: "dave" }, { organization: org });
});
after(() => conn.close());

describe("decision semantics", () => {
  test("a role on an ancestor reaches nested group members, with the path explained", async () => {
    await createGrant(conn.db, A, { subject: "group:all", role: "viewer", resource: "workspace:ws1", organization: org });
    assert.equal(await allowed("user:alice", "read", "document:d1"), true);
    assert.equal(await allowed("user:alice", "write", "document:d1"), false);
    assert.equal(await allowed("user:bob", "read", "document:d1"), false);
    const why = await explain(conn.db, { subject: "user:alice", action: "read", resource: "document:d1", organization: org });
    assert.equal(why.decision, "allow");
    const via = why.deciding[0].via;
    assert.equal(via.length, 3, "user → group eng → group all");
    assert.equal(via[0], `user:${why.subject.id}`);
    assert.ok(via[1].startsWith("group:") && via[2].startsWith("group:"));
    assert.deepEqual(why.deciding[0].path.map((p) => p.externalId), ["ws1", "p1", "d1"]);
  });

  test("deny overrides allow, and explain names the deny", async () => {
    const { value: deny } = await createGrant(conn.db, A, { subject: "user:alice", actions: ["read"], resource: "document:d2", organization: org, effect: "deny" });
    assert.equal(await allowed("user:alice", "read", "document:d2"), false);
    assert.equal(await allowed("user:alice", "read", "document:d1"), true);
    const why = await explain(conn.db, { subject: "user:alice", action: "read", resource: "document:d2", organization: org });
    assert.equal(why.decision, "deny");
    assert.equal(why.deciding[0].grantId, deny.id);
    assert.equal(why.overridden.length, 1);
    await revokeGrant(conn.db, A, deny.id);
    assert.equal(await allowed("user:alice", "read", "document:d2"), true, "a revoke is visible to the very next check");
  });

  test("a department grant reaches members of its sub-departments", async () => {
    await createGrant(conn.db, A, { subject: "department:company", role: "viewer", resource: "project:p1", organization: org });
    assert.equal(await allowed("user:dave", "read", "document:d1"), true);
    assert.equal(await allowed("user:dave", "read", "workspace:ws1"), false);
  });

  test("a role as principal: everyone holding it organization-wide", async () => {
    await createGrant(conn.db, A, { subject: "user:carol", role: "editor", resource: `organization:${org}`, organization: org });
    await createGrant(conn.db, A, { subject: "role:editor", actions: ["export"], resource: "document:d1", organization: org });
    assert.equal(await allowed("user:carol", "export", "document:d1"), true);
    assert.equal(await allowed("user:bob", "export", "document:d1"), false);
  });

  test("conditions are evaluated against the context, failing closed", async () => {
    await createGrant(conn.db, A, {
      subject: "user:bob",
      actions: ["approve"],
      resource: "project:p1",
      organization: org,
      conditions: [{ param: "ip", operator: "IpAddress", value: "10.0.0.0/8" }],
    });
    assert.equal(await allowed("user:bob", "approve", "document:d1", { ip: "10.1.2.3" }), true);
    assert.equal(await allowed("user:bob", "approve", "document:d1", { ip: "11.1.2.3" }), false);
    assert.equal(await allowed("user:bob", "approve", "document:d1"), false);
  });

  test("pattern grants match external ids within the organization", async () => {
    await createGrant(conn.db, A, { subject: "user:erin", actions: ["comment"], resourcePattern: "d*", organization: org });
    assert.equal(await allowed("user:erin", "comment", "document:d1"), true);
    assert.equal(await allowed("user:erin", "comment", "document:d2"), true);
    assert.equal(await allowed("user:erin", "comment", "project:p1"), false);
  });

  test("an action may be named by its permission key, which applies only to its type", async () => {
    assert.equal(await allowed("user:alice", "document:read", "document:d1"), true);
    assert.equal(await allowed("user:alice", "project:read", "document:d1"), false);
  });

  test("moving a subtree moves its inherited access", async () => {
    await createResource(conn.db, A, { organizationId: org, type: "workspace", externalId: "ws2", name: "WS2" });
    await createGrant(conn.db, A, { subject: "user:bob", role: "viewer", resource: "workspace:ws2", organization: org });
    assert.equal(await allowed("user:bob", "read", "document:d1"), false);
    await moveResource(conn.db, A, "project:p1", { parentId: "workspace:ws2" }, { organization: org });
    assert.equal(await allowed("user:bob", "read", "document:d1"), true);
    assert.equal(await allowed("user:alice", "read", "document:d1"), false, "alice's access came from ws1");
    await moveResource(conn.db, A, "project:p1", { parentId: "workspace:ws1" }, { organization: org });
    assert.equal(await allowed("user:alice", "read", "document:d1"), true);
  });

  test("lookups agree with check", async () => {
    const resources = await lookupResources(conn.db, { subject: "user:alice", action: "read", resourceType: "document", organization: org });
    assert.deepEqual(resources.data.map((r) => r.externalId).sort(), ["d1", "d2"]);
    const subjects = await lookupSubjects(conn.db, { resource: "document:d1", action: "read", organization: org });
    const names = subjects.data.map((s) => s.externalId).sort();
    assert.deepEqual(names, ["alice", "carol", "dave"]);
    for (const s of subjects.data) assert.ok(s.actions?.includes("read"));
    const direct = await lookupSubjects(conn.db, { resource: "document:d1", organization: org, assignment: "direct" });
    assert.deepEqual(direct.data.map((s) => s.externalId), ["carol"], "carol holds editor, and role:editor has a grant on d1 itself");
    const actions = await effectiveActions(conn.db, { subject: "user:carol", resource: "document:d1", organization: org });
    assert.deepEqual(actions.actions, ["export", "read", "write"]);
  });

  test("bad references and revisions are refused with the field named", async () => {
    await assert.rejects(check(conn.db, { subject: "user:nobody", action: "read", resource: "document:d1" }), (e: ArborError) => e.kind === "not_found" && e.field === "subject");
    await assert.rejects(check(conn.db, { subject: "user:alice", action: "read", resource: "document:zzz" }), (e: ArborError) => e.kind === "not_found" && e.field === "resource");
    await assert.rejects(check(conn.db, { subject: "user:alice", action: "read", resource: "document:d1", atLeastAsFresh: 10_000_000 }), (e: ArborError) => e.field === "atLeastAsFresh");
    await assert.rejects(check(conn.db, { subject: "user:alice", action: "bad action!", resource: "document:d1" }), (e: ArborError) => e.field === "action");
    const batch = await checkBatch(conn.db, { checks: [{ subject: "user:alice", action: "read", resource: "document:d1" }, { subject: "user:alice", action: "read", resource: "document:none" }] });
    assert.equal(batch.results[0].allowed, true);
    assert.equal(batch.results[1].error?.code, "not_found");
    await assert.rejects(checkBatch(conn.db, { checks: Array.from({ length: 1001 }, () => ({ subject: "user:alice", action: "read", resource: "document:d1" })) }), (e: ArborError) => e.kind === "validation");
  });

  test("a cascade delete takes the subtree's grants with it", async () => {
    await createResource(conn.db, A, { organizationId: org, type: "project", externalId: "p9", name: "P9", parentId: "workspace:ws1" });
    await createResource(conn.db, A, { organizationId: org, type: "document", externalId: "d9", name: "D9", parentId: "project:p9" });
    await createGrant(conn.db, A, { subject: "user:bob", role: "editor", resource: "document:d9", organization: org });
    assert.equal(await allowed("user:bob", "write", "document:d9"), true);
    await deleteResource(conn.db, A, "project:p9", { organization: org, cascade: true });
    await assert.rejects(check(conn.db, { subject: "user:bob", action: "write", resource: "document:d9", organization: org }), (e: ArborError) => e.kind === "not_found");
  });
});
