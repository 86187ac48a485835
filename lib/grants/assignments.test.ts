import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { buildAssignmentModel, type AssignmentModel } from "@/lib/testing/assignment-model";
import { rejects, rejectsWithoutWriting } from "@/lib/resources/fixtures";
import { createGrant } from "./service";
import { assignRole, getAssignment, listAssignments, replaceGroupAssignments, revokeAssignment } from "./assignments";

let conn: Connection;
let m: AssignmentModel;
const window = { limit: 10, order: "asc" as const };

before(async () => {
  conn = await openTestDatabase();
  m = await buildAssignmentModel(conn.db);
});
after(() => conn.close());

describe("role assignments", () => {
  test("assigning is idempotent and names the membership, role and resource", async () => {
    const input = { subject: m.ann.membership.id, role: "ws-admin", resource: m.ws1.id, organization: m.org.id };
    const first = (await assignRole(conn.db, "t", input)).value;
    assert.equal(first.created, true);
    assert.deepEqual(
      [first.assignment.membershipId, first.assignment.roleSlug, first.assignment.resource],
      [m.ann.membership.id, "ws-admin", { id: m.ws1.id, externalId: "ws1", type: "workspace" }],
    );
    const again = (await assignRole(conn.db, "t", input)).value;
    assert.deepEqual([again.created, again.assignment.id], [false, first.assignment.id]);
    await rejects(assignRole(conn.db, "t", { ...input, role: "pj-editor" }), "validation", "role", "resource_type");
  });

  test("lists filter by membership, resource and role; pages both ways; other grants are not assignments", async () => {
    const onP2 = (await assignRole(conn.db, "t", { subject: m.ann.membership.id, role: "pj-editor", resource: "project:p2", organization: "acme" })).value.assignment;
    await createGrant(conn.db, "t", { subject: m.ann.membership.id, actions: ["view"], resource: m.p1.id });
    await createGrant(conn.db, "t", { subject: m.ann.membership.id, role: "pj-editor", resource: m.p1.id, effect: "deny" });
    const anns = await listAssignments(conn.db, { subject: "membership", membershipId: m.ann.membership.id }, window);
    assert.deepEqual(anns.data.map((a) => a.resource.externalId), ["ws1", "p2"], "action lists and denials are not role assignments");
    const onResource = await listAssignments(conn.db, { subject: "membership", resourceId: m.p2.id, roleId: m.roles.pjEditor.id }, window);
    assert.deepEqual(onResource.data.map((a) => a.id), [onP2.id]);
    const page = await listAssignments(conn.db, { subject: "membership", membershipId: m.ann.membership.id }, { limit: 1, order: "desc" });
    assert.deepEqual([page.data[0].id, page.before, page.after], [onP2.id, null, onP2.id]);
    const back = await listAssignments(conn.db, { subject: "membership", membershipId: m.ann.membership.id }, { limit: 1, order: "desc", before: anns.data[0].id });
    assert.deepEqual(back.data.map((a) => a.id), [onP2.id]);
  });

  test("get and revoke only within the subject's own assignments", async () => {
    const bens = (await assignRole(conn.db, "t", { subject: m.ben.membership.id, role: "pj-editor", resource: m.p1.id })).value.assignment;
    await rejects(getAssignment(conn.db, bens.id, { subject: "membership", membershipId: m.ann.membership.id }), "not_found", "id");
    await rejectsWithoutWriting(conn.db, () => revokeAssignment(conn.db, "t", bens.id, { subject: "group", groupId: m.eng.id }), "not_found", "id");
    await revokeAssignment(conn.db, "t", bens.id, { subject: "membership", membershipId: m.ben.membership.id });
    await rejects(getAssignment(conn.db, bens.id, { subject: "membership" }), "not_found", "id");
  });

  test("replacing a group's assignments keeps the common ones, adds and removes the rest, all or nothing", async () => {
    const group = { subject: m.eng.id, organization: m.org.id };
    const kept = (await assignRole(conn.db, "t", { ...group, role: "org-viewer", resource: m.org.rootResourceId })).value.assignment;
    await assignRole(conn.db, "t", { ...group, role: "ws-admin", resource: m.ws1.id });
    const { value } = await replaceGroupAssignments(conn.db, "t", m.eng.id, [
      { ...group, role: "org-viewer", resource: "organization:acme" },
      { ...group, role: "pj-editor", resource: m.p1.id },
      { ...group, role: "pj-editor", resource: "project:p1" },
    ]);
    assert.deepEqual(value.map((a) => [a.roleSlug, a.resource.externalId]).sort(), [["org-viewer", "acme"], ["pj-editor", "p1"]]);
    assert.ok(value.some((a) => a.id === kept.id));
    await rejectsWithoutWriting(
      conn.db,
      () => replaceGroupAssignments(conn.db, "t", m.eng.id, [{ ...group, role: "org-viewer", resource: m.ws1.id }, { ...group, role: "nope", resource: m.ws1.id }]),
      "not_found",
      "[1].role",
    );
    await rejects(replaceGroupAssignments(conn.db, "t", m.eng.id, [{ subject: m.ann.membership.id, role: "org-viewer", resource: m.ws1.id }]), "validation", "[0].subject");
    const listed = await listAssignments(conn.db, { subject: "group", groupId: m.eng.id }, window);
    assert.equal(listed.data.length, 2);
  });
});
