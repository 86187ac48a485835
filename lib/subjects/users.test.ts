import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { eq } from "drizzle-orm";
import type { Connection } from "@/db/client";
import { departmentMembers, grants, groupMembers, memberships } from "@/db/schema";
import { openTestDatabase } from "@/lib/testing/database";
import { write } from "@/lib/revisions/write";
import { createOrganization, type OrganizationView } from "@/lib/organizations/service";
import { changesAfter, insertGrant, rejects, rejectsWithoutWriting } from "@/lib/resources/fixtures";
import { addDepartmentMember, createDepartment } from "./departments";
import { addGroupMember, createGroup } from "./groups";
import { createMembership, deleteMembership, getMembership, listMemberships } from "./memberships";
import { createUser, deleteUser, ensureUserInTx, getUser, listUsers, updateUser } from "./users";

let conn: Connection;
let acme: OrganizationView;

before(async () => {
  conn = await openTestDatabase();
  acme = (await createOrganization(conn.db, "t", { externalId: "acme", name: "Acme" })).value;
});
after(() => conn.close());

describe("users", () => {
  test("are created with an optional unique external id, and found by id, external id or user:<either>", async () => {
    const { value: alice } = await createUser(conn.db, "t", { externalId: "alice", email: "alice@example.com", name: "Alice", firstName: "Alice", lastName: "Liddell" });
    assert.match(alice.id, /^user_/);
    assert.deepEqual([alice.firstName, alice.lastName], ["Alice", "Liddell"]);
    assert.equal((await getUser(conn.db, "alice")).id, alice.id);
    assert.equal((await getUser(conn.db, "user:alice")).id, alice.id);
    assert.equal((await getUser(conn.db, alice.id)).externalId, "alice");
    await rejectsWithoutWriting(conn.db, () => createUser(conn.db, "t", { externalId: "alice" }), "conflict", "externalId");
    await rejects(createUser(conn.db, "t", { email: "not-an-email" }), "validation", "email");
    await rejects(getUser(conn.db, "bob"), "not_found", "id");
    const { value: anonymous } = await createUser(conn.db, "t", {});
    assert.equal(anonymous.externalId, null);
  });

  test("list with search and cursor; update refuses a taken external id", async () => {
    for (const n of [1, 2, 3]) await createUser(conn.db, "t", { externalId: `searchable-${n}`, name: `Searchable ${n}` });
    const first = await listUsers(conn.db, { search: "SEARCHABLE", limit: 2 });
    assert.equal(first.data.length, 2);
    const rest = await listUsers(conn.db, { search: "searchable", limit: 2, cursor: first.nextCursor });
    assert.deepEqual(rest.data.map((u) => u.externalId), ["searchable-3"]);
    const { value } = await updateUser(conn.db, "t", "searchable-3", { name: "Third", email: null });
    assert.equal(value.name, "Third");
    await rejects(updateUser(conn.db, "t", "searchable-3", { externalId: "alice" }), "conflict", "externalId");
  });

  test("ensureUserInTx finds by external id or creates once", async () => {
    const { value: created } = await write(conn.db, "t", (w) => ensureUserInTx(w, "user_4"));
    const { value: again } = await write(conn.db, "t", (w) => ensureUserInTx(w, "user_4"));
    assert.equal(again.id, created.id);
    assert.equal(created.externalId, "user_4");
  });

  test("deleting a user revokes its grants and ends all its memberships, each recorded", async () => {
    const { value: carol } = await createUser(conn.db, "t", { externalId: "carol" });
    const { value: membership } = await createMembership(conn.db, "t", { userId: "carol", organizationId: "acme" });
    const { value: group } = await createGroup(conn.db, "t", { organizationId: acme.id, name: "Staff" });
    await addGroupMember(conn.db, "t", group.id, { type: "user", id: "carol" });
    const { value: department } = await createDepartment(conn.db, "t", { organizationId: acme.id, name: "Sales" });
    await addDepartmentMember(conn.db, "t", department.id, { userId: carol.id });
    const grant = await insertGrant(conn.db, { organizationId: acme.id, subjectType: "user", subjectId: carol.id, resourceId: acme.rootResourceId });

    const { revision } = await deleteUser(conn.db, "t", "carol");
    await rejects(getUser(conn.db, carol.id), "not_found", "id");
    assert.equal((await conn.db.select().from(grants).where(eq(grants.subjectId, carol.id))).length, 0);
    assert.equal((await conn.db.select().from(memberships).where(eq(memberships.userId, carol.id))).length, 0);
    assert.equal((await conn.db.select().from(groupMembers).where(eq(groupMembers.memberId, carol.id))).length, 0);
    assert.equal((await conn.db.select().from(departmentMembers).where(eq(departmentMembers.userId, carol.id))).length, 0);
    const changes = (await changesAfter(conn.db, revision - 1)).map((c) => `${c.operation} ${c.entityType} ${c.entityId}`);
    assert.deepEqual(changes.sort(), [
      `delete department_member ${department.id}/${carol.id}`,
      `delete grant ${grant.id}`,
      `delete group_member ${group.id}/user/${carol.id}`,
      `delete membership ${membership.id}`,
      `delete user ${carol.id}`,
    ].sort());
  });
});

describe("memberships", () => {
  test("put a user in an organization once; listed by organization or user; deleted alone", async () => {
    const { value: dave } = await createUser(conn.db, "t", { externalId: "dave" });
    const { value: membership } = await createMembership(conn.db, "t", { userId: "user:dave", organizationId: acme.id });
    assert.match(membership.id, /^om_/);
    assert.equal(membership.status, "active");
    await rejectsWithoutWriting(conn.db, () => createMembership(conn.db, "t", { userId: dave.id, organizationId: "acme" }), "conflict", "userId");
    await rejects(createMembership(conn.db, "t", { userId: "nobody", organizationId: "acme" }), "not_found", "userId");
    await rejects(createMembership(conn.db, "t", { userId: dave.id, organizationId: "nowhere" }), "not_found", "organizationId");
    await rejects(createMembership(conn.db, "t", { userId: dave.id, organizationId: "acme", status: "banned" }), "validation", "status");
    assert.equal((await getMembership(conn.db, `membership:${membership.id}`)).userId, dave.id);
    assert.deepEqual((await listMemberships(conn.db, { user: "dave" })).data.map((m) => m.id), [membership.id]);
    assert.ok((await listMemberships(conn.db, { organization: "acme" })).data.some((m) => m.id === membership.id));
    await deleteMembership(conn.db, "t", membership.id);
    await rejects(getMembership(conn.db, membership.id), "not_found", "id");
    assert.equal((await getUser(conn.db, "dave")).id, dave.id);
  });
});
