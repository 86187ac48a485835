import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { buildAssignmentModel, type AssignmentModel } from "@/lib/testing/assignment-model";
import { assignRole } from "@/lib/grants/assignments";
import { createGrant } from "@/lib/grants/service";
import { addGroupMember } from "@/lib/subjects/groups";
import { createUser } from "@/lib/subjects/users";
import { check } from "./check";
import { effectivePermissions, membershipsWithAccess, permittedChildren } from "./discovery";

let conn: Connection;
let m: AssignmentModel;

before(async () => {
  conn = await openTestDatabase();
  m = await buildAssignmentModel(conn.db);
  await assignRole(conn.db, "t", { subject: m.ann.membership.id, role: "ws-admin", resource: m.ws1.id });
  await assignRole(conn.db, "t", { subject: m.ben.membership.id, role: "pj-editor", resource: m.p1.id });
});
after(() => conn.close());

describe("discovery, consistent with check", () => {
  test("permitted children: the direct children on which the subject may act, each confirmed by a check", async () => {
    const q = { action: "project:view", parentId: m.ws1.id, organization: m.org.id };
    assert.deepEqual(await permittedChildren(conn.db, { ...q, subject: m.ann.membership.id }), [m.p1.id, m.p2.id].sort());
    const bens = await permittedChildren(conn.db, { ...q, subject: m.ben.membership.id });
    assert.deepEqual(bens, [m.p1.id]);
    for (const id of [m.p1.id, m.p2.id]) {
      const allowed = (await check(conn.db, { subject: m.ben.membership.id, action: "project:view", resource: id })).allowed;
      assert.equal(allowed, bens.includes(id));
    }
    assert.deepEqual(await permittedChildren(conn.db, { ...q, parentId: m.org.rootResourceId, action: "project:view", subject: m.ann.membership.id }), [], "projects are not children of the root");
  });

  test("memberships with access: direct counts only the resource's own assignments; inherited also ancestors and groups", async () => {
    const q = { resourceId: m.p1.id, action: "project:edit", organizationId: m.org.id };
    const ids = async (assignment: "direct" | "inherited") => (await membershipsWithAccess(conn.db, { ...q, assignment })).map((x) => x.id);
    assert.deepEqual(await ids("direct"), [m.ben.membership.id]);
    assert.deepEqual(await ids("inherited"), [m.ann.membership.id, m.ben.membership.id].sort());
    await assignRole(conn.db, "t", { subject: m.eng.id, role: "pj-editor", resource: m.p2.id });
    const outsider = (await createUser(conn.db, "t", { externalId: "nomember" })).value;
    await addGroupMember(conn.db, "t", m.eng.id, { type: "user", id: outsider.id });
    const onP2 = await membershipsWithAccess(conn.db, { resourceId: m.p2.id, action: "project:edit", organizationId: m.org.id, assignment: "inherited" });
    assert.deepEqual(onP2.map((x) => x.id), [m.ann.membership.id], "a user without a membership here cannot be listed");
  });

  test("effective permissions: the definitions behind every allowed action, inherited ones included", async () => {
    const slugs = async (subject: string, resource: typeof m.p1, type: string) =>
      (await effectivePermissions(conn.db, { subject, resource: { id: resource.id, externalId: resource.externalId, type }, organizationScopeId: m.org.scopeId })).map((p) => p.key).sort();
    assert.deepEqual(await slugs(m.ann.membership.id, m.p1, "project"), ["project:edit:*", "project:view:*"]);
    assert.deepEqual(await slugs(m.ann.membership.id, m.d1, "document"), ["document:view:*"]);
    assert.deepEqual(await slugs(m.ben.membership.id, m.d1, "document"), []);
    await createGrant(conn.db, "t", { subject: m.ben.membership.id, actions: ["fly"], resource: m.d1.id });
    assert.deepEqual(await slugs(m.ben.membership.id, m.d1, "document"), [], "an action with no permission definition has nothing to name it");
  });
});
