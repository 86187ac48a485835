import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { buildAssignmentModel, type AssignmentModel } from "@/lib/testing/assignment-model";
import { rejectsWithoutWriting } from "@/lib/resources/fixtures";
import { check } from "@/lib/access/check";
import { createUser } from "./users";
import { createMembershipWithRoles, membershipRoleSlugs, setMembershipRoles } from "./membership-roles";

let conn: Connection;
let m: AssignmentModel;

before(async () => {
  conn = await openTestDatabase();
  m = await buildAssignmentModel(conn.db);
});
after(() => conn.close());

const canView = async (membershipId: string) => (await check(conn.db, { subject: membershipId, action: "project:view", resource: m.p1.id })).allowed;

describe("organization-wide roles of a membership", () => {
  test("a membership created with roles holds them on the organization's root, so everything in it", async () => {
    const cat = (await createUser(conn.db, "t", { externalId: "cat" })).value;
    const membership = (await createMembershipWithRoles(conn.db, "t", { userId: cat.id, organizationId: "acme", roleSlugs: ["org-viewer"] })).value;
    assert.deepEqual(await membershipRoleSlugs(conn.db, membership), ["org-viewer"]);
    assert.equal(await canView(membership.id), true);
  });

  test("a bad role slug creates nothing; a role limited to another type cannot be held organization-wide", async () => {
    const dan = (await createUser(conn.db, "t", { externalId: "dan" })).value;
    await rejectsWithoutWriting(conn.db, () => createMembershipWithRoles(conn.db, "t", { userId: dan.id, organizationId: "acme", roleSlugs: ["nope"] }), "not_found", "roleSlugs[0].role");
    await rejectsWithoutWriting(conn.db, () => createMembershipWithRoles(conn.db, "t", { userId: dan.id, organizationId: "acme", roleSlugs: ["ws-admin"] }), "validation", "roleSlugs[0].role");
  });

  test("setting the roles replaces them; an empty list removes them", async () => {
    await setMembershipRoles(conn.db, "t", m.ann.membership.id, ["org-viewer"]);
    assert.equal(await canView(m.ann.membership.id), true);
    await setMembershipRoles(conn.db, "t", m.ann.membership.id, []);
    assert.deepEqual(await membershipRoleSlugs(conn.db, m.ann.membership), []);
    assert.equal(await canView(m.ann.membership.id), false);
  });
});
