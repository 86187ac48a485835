import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { eq, or } from "drizzle-orm";
import type { Connection } from "@/db/client";
import { grants, groupMembers } from "@/db/schema";
import { openTestDatabase } from "@/lib/testing/database";
import { write } from "@/lib/revisions/write";
import { createOrganization, type OrganizationView } from "@/lib/organizations/service";
import { changesAfter, insertGrant, rejects, rejectsWithoutWriting } from "@/lib/resources/fixtures";
import {
  addGroupMember,
  createGroup,
  deleteGroup,
  ensureGroupInTx,
  getGroup,
  listGroupMembers,
  listGroups,
  removeGroupMember,
  updateGroup,
  type Group,
} from "./groups";
import { createUser } from "./users";

let conn: Connection;
let acme: OrganizationView;
let globex: OrganizationView;

const group = async (externalId: string, organizationId?: string): Promise<Group> =>
  (await createGroup(conn.db, "t", { organizationId, externalId, name: externalId })).value;

before(async () => {
  conn = await openTestDatabase();
  acme = (await createOrganization(conn.db, "t", { externalId: "acme", name: "Acme" })).value;
  globex = (await createOrganization(conn.db, "t", { externalId: "globex", name: "Globex" })).value;
  for (const name of ["ann", "ben", "cat"]) await createUser(conn.db, "t", { externalId: name, name });
});
after(() => conn.close());

describe("groups", () => {
  test("belong to an organization or to the environment; external ids are unique per organization", async () => {
    const eng = await group("eng", acme.id);
    assert.equal(eng.organizationId, acme.id);
    await group("eng", globex.id);
    const everyone = await group("everyone");
    assert.equal(everyone.organizationId, null);
    await rejectsWithoutWriting(conn.db, () => group("eng", "acme"), "conflict", "externalId");
    await rejectsWithoutWriting(conn.db, () => group("everyone"), "conflict", "externalId");
    const { value: unnamed } = await createGroup(conn.db, "t", { organizationId: acme.id, name: "No external id" });
    assert.equal(unnamed.externalId, unnamed.id);
    await rejects(createGroup(conn.db, "t", { organizationId: "nowhere", name: "x" }), "not_found", "organizationId");
  });

  test("found by id, external id or group:<either>; an external id in two organizations needs organization", async () => {
    await rejects(getGroup(conn.db, "eng"), "conflict", "id", "ambiguous");
    const eng = await getGroup(conn.db, "group:eng#member", { organization: "acme" });
    assert.equal(eng.organizationId, acme.id);
    assert.equal((await getGroup(conn.db, eng.id)).id, eng.id);
    assert.equal((await getGroup(conn.db, "everyone", { organization: "acme" })).organizationId, null, "environment-wide groups are visible from every organization");
    const { value } = await updateGroup(conn.db, "t", "eng", { name: "Engineering", description: "builders" }, { organization: "acme" });
    assert.equal(value.name, "Engineering");
    const listed = await listGroups(conn.db, { organization: "acme", search: "engineer" });
    assert.deepEqual(listed.data.map((g) => g.id), [eng.id]);
  });

  test("members are users or groups; duplicates and cross-organization members are refused", async () => {
    const eng = await getGroup(conn.db, "eng", { organization: "acme" });
    const backend = await group("backend", acme.id);
    await addGroupMember(conn.db, "t", eng.id, { type: "user", id: "ann" });
    await addGroupMember(conn.db, "t", eng.id, { id: "user:ben" });
    await addGroupMember(conn.db, "t", eng.id, { type: "group", id: "backend" });
    await addGroupMember(conn.db, "t", backend.id, { type: "user", id: "cat" });
    await rejectsWithoutWriting(conn.db, () => addGroupMember(conn.db, "t", eng.id, { type: "user", id: "ann" }), "conflict", "id");
    await rejects(addGroupMember(conn.db, "t", eng.id, { type: "user", id: "nobody" }), "not_found", "id");
    await rejects(addGroupMember(conn.db, "t", eng.id, { type: "group", id: "user:ann" }), "validation", "type");
    await rejects(addGroupMember(conn.db, "t", eng.id, { id: "ann" }), "validation", "id");
    const foreign = await getGroup(conn.db, "eng", { organization: "globex" });
    await rejects(addGroupMember(conn.db, "t", eng.id, { type: "group", id: foreign.id }), "not_found", "id");
    await rejects(addGroupMember(conn.db, "t", "everyone", { type: "group", id: eng.id }), "validation", "id", "same_organization");
    await addGroupMember(conn.db, "t", eng.id, { type: "group", id: "everyone" });

    const first = await listGroupMembers(conn.db, eng.id, { limit: 2 });
    const rest = await listGroupMembers(conn.db, eng.id, { limit: 2, cursor: first.nextCursor });
    const all = [...first.data, ...rest.data];
    assert.deepEqual(all.map((m) => `${m.type}:${m.externalId}`).sort(), ["group:backend", "group:everyone", "user:ann", "user:ben"]);
    assert.equal(rest.nextCursor, null);
  });

  test("a group may not contain itself, directly or through nesting", async () => {
    const [eng, backend, everyone] = await Promise.all([getGroup(conn.db, "eng", { organization: "acme" }), getGroup(conn.db, "backend"), getGroup(conn.db, "everyone")]);
    await rejectsWithoutWriting(conn.db, () => addGroupMember(conn.db, "t", eng.id, { type: "group", id: eng.id }), "validation", "id", "acyclic");
    await rejectsWithoutWriting(conn.db, () => addGroupMember(conn.db, "t", backend.id, { type: "group", id: eng.id }), "validation", "id", "acyclic");
    const deep = await group("deep", acme.id);
    await addGroupMember(conn.db, "t", backend.id, { type: "group", id: deep.id });
    await rejects(addGroupMember(conn.db, "t", deep.id, { type: "group", id: "eng" }), "validation", "id", "acyclic");
    // A diamond is not a cycle.
    await addGroupMember(conn.db, "t", deep.id, { type: "group", id: everyone.id });
  });

  test("removing a member, by value; a missing member is 404", async () => {
    const { revision } = await removeGroupMember(conn.db, "t", "group:eng", { type: "user", id: "ben" }, { organization: "acme" });
    const [change] = await changesAfter(conn.db, revision - 1);
    assert.equal(change.entityType, "group_member");
    assert.match(change.entityId, /^group_.+\/user\/user_/);
    await rejects(removeGroupMember(conn.db, "t", "group:eng", { type: "user", id: "ben" }, { organization: "acme" }), "not_found", "id");
  });

  test("deleting a group removes its members, its place in other groups and its grants, each recorded", async () => {
    const backend = await getGroup(conn.db, "backend");
    const grant = await insertGrant(conn.db, { organizationId: acme.id, subjectType: "group", subjectId: backend.id, resourceId: acme.rootResourceId });
    const { revision } = await deleteGroup(conn.db, "t", backend.id);
    const edges = await conn.db.select().from(groupMembers).where(or(eq(groupMembers.groupId, backend.id), eq(groupMembers.memberId, backend.id)));
    assert.equal(edges.length, 0);
    assert.equal((await conn.db.select().from(grants).where(eq(grants.id, grant.id))).length, 0);
    const changes = (await changesAfter(conn.db, revision - 1)).map((c) => c.entityType);
    assert.deepEqual(changes.sort(), ["grant", "group", "group_member", "group_member", "group_member"]);
  });

  test("ensureGroupInTx finds or creates per organization (or environment)", async () => {
    const { value: created } = await write(conn.db, "t", (w) => ensureGroupInTx(w, "group_9", null));
    const { value: again } = await write(conn.db, "t", (w) => ensureGroupInTx(w, "group_9", null));
    const { value: scoped } = await write(conn.db, "t", (w) => ensureGroupInTx(w, "group_9", acme.id));
    assert.equal(again.id, created.id);
    assert.notEqual(scoped.id, created.id);
    assert.equal(scoped.organizationId, acme.id);
  });
});
