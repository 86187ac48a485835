/**
 * Declared actions (`ecs:Start`) decided literally, through every kind of
 * subject, with deny overriding allow and conditions evaluated against the
 * context; grants set as whole action sets (lib/grants/action-sets.ts).
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { createResourceType } from "@/lib/resource-types/service";
import { createRole } from "@/lib/roles/service";
import { createOrganization, getOrganization } from "@/lib/organizations/service";
import { createResource } from "@/lib/resources/service";
import { createUser } from "@/lib/subjects/users";
import { addGroupMember, createGroup } from "@/lib/subjects/groups";
import { addDepartmentMember, createDepartment } from "@/lib/subjects/departments";
import { createGrant, listGrants } from "@/lib/grants/service";
import { setActionGrants } from "@/lib/grants/action-sets";
import { isDeclaredActionAllowed, resourcesWithAccess } from "./declared-actions";

let conn: Connection;
const A = "t";
const org = "shop-org";
let scopeId: string;

const allowed = async (user: string, action: string, resource: string, context?: Record<string, string>) =>
  (await isDeclaredActionAllowed(conn.db, { subject: `user:${user}`, action, resource, organization: org, context })).allowed;
const grant = (subject: string, resource: string, actions: string[], extra: Record<string, unknown> = {}) => ({
  grant: { subject, organization: org, resource, actions, ...extra },
});

before(async () => {
  conn = await openTestDatabase();
  const db = conn.db;
  await createOrganization(db, A, { externalId: org, name: "Shop" });
  scopeId = (await getOrganization(db, org)).scopeId;
  await createResourceType(db, A, { key: "shop", name: "shop", scopeId });
  await createResource(db, A, { organizationId: org, type: "shop", externalId: "ecs", name: "ecs", actions: ["ecs:Start", "ecs:Stop"] });
  await createResource(db, A, { organizationId: org, type: "shop", externalId: "books:1", name: "b1" });
  for (const u of ["ann", "ben", "cat", "dan", "eve"]) await createUser(db, A, { externalId: u });
  await createGroup(db, A, { organizationId: org, externalId: "staff", name: "Staff" });
  await addGroupMember(db, A, "staff", { type: "user", id: "ben" }, { organization: org });
  await createDepartment(db, A, { organizationId: org, externalId: "hq", name: "HQ" });
  await createDepartment(db, A, { organizationId: org, externalId: "ops", name: "Ops", parentId: "hq" });
  await addDepartmentMember(db, A, "ops", { userId: "cat" }, { organization: org });
  const role = await createRole(db, A, { slug: "operator", name: "Operator", scopeId });
  await createGrant(db, A, { subject: "user:dan", role: role.value.id, resource: `organization:${org}`, organization: org });
  await setActionGrants(db, A, [
    grant("user:ann", "shop:ecs", ["ecs:Start", "ecs:Stop"]),
    grant("group:staff", "shop:ecs", ["ecs:Start"]),
    grant("department:hq", "shop:ecs", ["ecs:Stop"]),
    grant(role.value.id, "shop:books:1", ["read"]),
  ]);
});
after(() => conn.close());

describe("declared actions", () => {
  test("an action with a colon is the action itself, not a permission key", async () => {
    assert.equal(await allowed("ann", "ecs:Start", "shop:ecs"), true);
    assert.equal(await allowed("ann", "ecs:Reboot", "shop:ecs"), false);
    assert.equal(await allowed("eve", "ecs:Start", "shop:ecs"), false);
  });

  test("through a group, a parent department and a held role", async () => {
    assert.equal(await allowed("ben", "ecs:Start", "shop:ecs"), true);
    assert.equal(await allowed("ben", "ecs:Stop", "shop:ecs"), false);
    assert.equal(await allowed("cat", "ecs:Stop", "shop:ecs"), true);
    assert.equal(await allowed("dan", "read", "shop:books:1"), true);
  });

  test("setting a subject's actions replaces them; a deny overrides any allow", async () => {
    await setActionGrants(conn.db, A, [grant("user:ann", "shop:ecs", ["ecs:Stop"])]);
    assert.equal(await allowed("ann", "ecs:Start", "shop:ecs"), false);
    await setActionGrants(conn.db, A, [grant("user:ann", "shop:ecs", ["ecs:Start", "ecs:Stop"])]);
    const annGrants = (await listGrants(conn.db, { organization: org, subject: "user:ann" })).data;
    assert.equal(annGrants.length, 1, "replaced, not added");
    await setActionGrants(conn.db, A, [grant("user:ann", "shop:ecs", ["ecs:Reboot"]), grant("user:ann", "shop:ecs", ["ecs:Start", "ecs:Stop"])]);
    assert.deepEqual((await listGrants(conn.db, { organization: org, subject: "user:ann" })).data.map((g) => g.actions), [["ecs:Start", "ecs:Stop"]], "the later item wins");
    await setActionGrants(conn.db, A, [grant("user:ben", "shop:ecs", ["ecs:Start"], { effect: "deny" })]);
    assert.equal(await allowed("ben", "ecs:Start", "shop:ecs"), false);
  });

  test("conditions hold against the context", async () => {
    await setActionGrants(conn.db, A, [
      grant("user:eve", "shop:ecs", ["ecs:Start"], { conditions: [{ param: "SourceIp", operator: "IpAddress", value: "10.0.0.0/8" }] }),
    ]);
    assert.equal(await allowed("eve", "ecs:Start", "shop:ecs", { SourceIp: "10.1.2.3" }), true);
    assert.equal(await allowed("eve", "ecs:Start", "shop:ecs", { SourceIp: "192.168.0.1" }), false);
    assert.equal(await allowed("eve", "ecs:Start", "shop:ecs"), false, "a missing parameter fails closed");
  });

  test("a grant on a resource that does not exist yet creates it, in the same transaction", async () => {
    await setActionGrants(conn.db, A, [
      { ...grant("user:eve", "shop:books:2", ["read", "*"]), resource: { organizationId: org, type: "shop", externalId: "books:2", name: "books:2" } },
    ]);
    assert.equal(await allowed("eve", "anything", "shop:books:2"), true, "* holds every action");
    await assert.rejects(
      setActionGrants(conn.db, A, [
        { ...grant("user:eve", "shop:books:3", ["read"]), resource: { organizationId: org, type: "shop", externalId: "books:3", name: "books:3" } },
        grant("user:nobody", "shop:ecs", ["read"]),
      ]),
    );
    await assert.rejects(isDeclaredActionAllowed(conn.db, { subject: "user:eve", action: "read", resource: "shop:books:3", organization: org }), "rolled back");
  });

  test("resources with access: own, inherited, deny removing an action", async () => {
    const of = async (user: string) =>
      (await resourcesWithAccess(conn.db, { subject: `user:${user}`, organization: org, resourceType: "shop" })).map((r) => [r.externalId, r.actions]);
    assert.deepEqual(await of("ann"), [["ecs", ["ecs:Start", "ecs:Stop"]]]);
    assert.deepEqual(await of("ben"), [], "the deny takes away the only action the group gave");
    assert.deepEqual(await of("cat"), [["ecs", ["ecs:Stop"]]]);
    assert.deepEqual(await of("dan"), [["books:1", ["read"]]]);
    assert.deepEqual(await of("eve"), [["books:2", ["*", "read"]]], "a conditional grant counts only when it holds");
    const withContext = await resourcesWithAccess(conn.db, { subject: "user:eve", organization: org, context: { SourceIp: "10.0.0.1" } });
    assert.deepEqual(withContext.map((r) => r.externalId), ["books:2", "ecs"]);
  });
});
