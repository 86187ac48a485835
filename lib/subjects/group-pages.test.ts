import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { buildAssignmentModel, type AssignmentModel } from "@/lib/testing/assignment-model";
import { addGroupMember, createGroup } from "./groups";
import { createUser } from "./users";
import { pageGroupMemberships, pageOrganizationGroups } from "./group-pages";

let conn: Connection;
let m: AssignmentModel;

before(async () => {
  conn = await openTestDatabase();
  m = await buildAssignmentModel(conn.db);
});
after(() => conn.close());

describe("group pages for the WorkOS view", () => {
  test("an organization's groups, newest first by default", async () => {
    const ops = (await createGroup(conn.db, "t", { organizationId: m.org.id, name: "Ops" })).value;
    await createGroup(conn.db, "t", { name: "Everyone" });
    const page = await pageOrganizationGroups(conn.db, m.org.id, { limit: 10, order: "desc" });
    assert.deepEqual(page.data.map((g) => g.id), [ops.id, m.eng.id]);
  });

  test("members as memberships of the organization; users without one are left out", async () => {
    const outsider = (await createUser(conn.db, "t", { externalId: "outsider" })).value;
    for (const id of [m.ben.user.id, m.ann.user.id, outsider.id]) await addGroupMember(conn.db, "t", m.eng.id, { type: "user", id });
    const page = await pageGroupMemberships(conn.db, m.eng.id, m.org.id, { limit: 1, order: "asc" });
    assert.deepEqual([page.data[0].id, page.after], [m.ann.membership.id, m.ann.membership.id]);
    const rest = await pageGroupMemberships(conn.db, m.eng.id, m.org.id, { limit: 10, order: "asc", after: page.after! });
    assert.deepEqual(rest.data.map((x) => x.id), [m.ben.membership.id]);
  });
});
