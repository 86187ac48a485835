import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { createOrganization, type Organization } from "@/lib/organizations/service";
import { createRole } from "@/lib/roles/service";
import { createUser } from "@/lib/subjects/users";
import { addGroupMember, createGroup } from "@/lib/subjects/groups";
import { groupsOfUser } from "@/lib/subjects/groups-of";
import { check } from "@/lib/access/check";
import { assignRolesOrganizationWide, holdersOf, revokeRolesOrganizationWide, rolesHeldBy } from "./role-holders";

let conn: Connection;
let org: Organization;
let ann: string;
let editor: string;

before(async () => {
  conn = await openTestDatabase();
  org = (await createOrganization(conn.db, "t", { externalId: "o", name: "O" })).value;
  editor = (await createRole(conn.db, "t", { slug: "editor", name: "Editor", scopeId: org.scopeId })).value.id;
  ann = (await createUser(conn.db, "t", { externalId: "ann" })).value.id;
  await createGroup(conn.db, "t", { organizationId: "o", externalId: "staff", name: "Staff" });
  await createGroup(conn.db, "t", { externalId: "everyone", name: "Everyone" });
  await addGroupMember(conn.db, "t", "staff", { type: "user", id: "ann" }, { organization: "o" });
  await addGroupMember(conn.db, "t", "everyone", { type: "user", id: "ann" });
});
after(() => conn.close());

test("roles held organization-wide: assigned and revoked idempotently, listed both ways", async () => {
  await assignRolesOrganizationWide(conn.db, "t", org, [{ subject: ann, role: editor }]);
  await assignRolesOrganizationWide(conn.db, "t", org, [{ subject: ann, role: editor }]);
  assert.deepEqual(await rolesHeldBy(conn.db, org, { type: "user", id: ann }), [editor]);
  assert.deepEqual(await holdersOf(conn.db, org, editor), [{ type: "user", id: ann }]);
  await revokeRolesOrganizationWide(conn.db, "t", org, [{ subject: ann, role: editor }]);
  await revokeRolesOrganizationWide(conn.db, "t", org, [{ subject: ann, role: editor }]);
  assert.deepEqual(await rolesHeldBy(conn.db, org, { type: "user", id: ann }), []);
});

test("a bad holding leaves the others unassigned (one transaction)", async () => {
  await assert.rejects(assignRolesOrganizationWide(conn.db, "t", org, [{ subject: ann, role: editor }, { subject: "user_nobody", role: editor }]));
  assert.deepEqual(await holdersOf(conn.db, org, editor), []);
  assert.equal((await check(conn.db, { subject: ann, action: "read", resource: "organization:o" })).allowed, false);
});

test("the groups a user is directly in, within an organization", async () => {
  assert.deepEqual((await groupsOfUser(conn.db, ann, org.id)).map((g) => g.externalId).sort(), ["everyone", "staff"]);
});
