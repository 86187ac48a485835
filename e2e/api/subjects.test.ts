import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { api, unique } from "./client";

let org: { id: string; externalId: string };
const ext = (name: string) => unique(`${name}-`);

before(async () => {
  org = (await api("POST", "/api/v1/organizations", { externalId: unique("subj-org-"), name: "Subjects" })).body;
});

describe("native API: users and memberships", () => {
  test("user CRUD with external ids; memberships; 400/404/409", async () => {
    const alice = ext("alice");
    const created = await api("POST", "/api/v1/users", { externalId: alice, email: "alice@example.com", name: "Alice" });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.match(created.body.id, /^user_/);
    assert.equal((await api("GET", `/api/v1/users/user:${alice}`)).body.id, created.body.id);
    assert.equal((await api("POST", "/api/v1/users", { externalId: alice })).status, 409);
    const badEmail = await api("POST", "/api/v1/users", { email: "nope" });
    assert.equal(badEmail.status, 400);
    assert.equal(badEmail.body.error.issues[0].field, "email");
    const patched = await api("PATCH", `/api/v1/users/${alice}`, { name: "Alice A." });
    assert.equal(patched.body.name, "Alice A.");
    const searched = await api("GET", `/api/v1/users?search=${alice}`);
    assert.deepEqual(searched.body.data.map((u: any) => u.id), [created.body.id]);

    const membership = await api("POST", "/api/v1/memberships", { userId: alice, organizationId: org.externalId });
    assert.equal(membership.status, 201);
    assert.match(membership.body.id, /^om_/);
    assert.equal((await api("POST", "/api/v1/memberships", { userId: alice, organizationId: org.id })).status, 409);
    assert.equal((await api("POST", "/api/v1/memberships", { userId: "ghost", organizationId: org.id })).status, 404);
    const listed = await api("GET", `/api/v1/memberships?organization=${org.id}&user=${alice}`);
    assert.deepEqual(listed.body.data.map((m: any) => m.id), [membership.body.id]);
    assert.equal((await api("GET", `/api/v1/memberships/${membership.body.id}`)).body.userId, created.body.id);

    const removed = await api("DELETE", `/api/v1/users/${created.body.id}`);
    assert.equal(removed.status, 200);
    assert.equal((await api("GET", `/api/v1/memberships/${membership.body.id}`)).status, 404);
    assert.equal((await api("GET", `/api/v1/users/${created.body.id}`)).status, 404);
  });
});

describe("native API: groups", () => {
  test("nested members by compact ref, cycles refused, removal by query or body", async () => {
    const user = ext("gina");
    await api("POST", "/api/v1/users", { externalId: user });
    const outer = (await api("POST", "/api/v1/groups", { organizationId: org.id, externalId: ext("outer"), name: "Outer" })).body;
    const inner = (await api("POST", "/api/v1/groups", { organizationId: org.id, externalId: ext("inner"), name: "Inner" })).body;
    const dup = await api("POST", "/api/v1/groups", { organizationId: org.id, externalId: inner.externalId, name: "Again" });
    assert.equal(dup.status, 409);

    const addGroup = await api("POST", `/api/v1/groups/${outer.id}/members`, { type: "group", id: `group:${inner.externalId}` });
    assert.equal(addGroup.status, 201, JSON.stringify(addGroup.body));
    const addUser = await api("POST", `/api/v1/groups/group:${inner.externalId}/members?organization=${org.id}`, { type: "user", id: user });
    assert.equal(addUser.status, 201, JSON.stringify(addUser.body));
    assert.equal((await api("POST", `/api/v1/groups/${inner.id}/members`, { type: "user", id: user })).status, 409);

    const cycle = await api("POST", `/api/v1/groups/${inner.id}/members`, { type: "group", id: outer.id });
    assert.equal(cycle.status, 400);
    assert.deepEqual([cycle.body.error.issues[0].field, cycle.body.error.issues[0].rule], ["id", "acyclic"]);
    const unknown = await api("POST", `/api/v1/groups/${inner.id}/members`, { type: "user", id: "ghost" });
    assert.equal(unknown.status, 404);
    const badType = await api("POST", `/api/v1/groups/${inner.id}/members`, { type: "robot", id: "x" });
    assert.equal(badType.status, 400);
    assert.equal(badType.body.error.issues[0].field, "type");

    const members = await api("GET", `/api/v1/groups/${outer.id}/members`);
    assert.deepEqual(members.body.data.map((m: any) => [m.type, m.id]), [["group", inner.id]]);
    const byQuery = await api("DELETE", `/api/v1/groups/${inner.id}/members?type=user&id=${user}`);
    assert.equal(byQuery.status, 200, JSON.stringify(byQuery.body));
    const byBody = await api("DELETE", `/api/v1/groups/${outer.id}/members`, { type: "group", id: inner.id });
    assert.equal(byBody.status, 200);
    assert.equal((await api("DELETE", `/api/v1/groups/${outer.id}/members`, { type: "group", id: inner.id })).status, 404);

    assert.equal((await api("DELETE", `/api/v1/groups/${outer.id}`)).status, 200);
    assert.equal((await api("GET", `/api/v1/groups/${outer.id}`)).status, 404);
  });
});

describe("native API: departments", () => {
  test("a tree with members; cycles refused; cascade delete", async () => {
    const user = ext("dora");
    await api("POST", "/api/v1/users", { externalId: user });
    const top = (await api("POST", "/api/v1/departments", { organizationId: org.id, externalId: ext("top"), name: "Top" })).body;
    const sub = await api("POST", "/api/v1/departments", { organizationId: org.id, externalId: ext("sub"), name: "Sub", parentId: top.id });
    assert.equal(sub.status, 201, JSON.stringify(sub.body));
    const cycle = await api("PATCH", `/api/v1/departments/${top.id}`, { parentId: sub.body.id });
    assert.equal(cycle.status, 400);
    assert.equal(cycle.body.error.issues[0].rule, "acyclic");
    assert.equal((await api("POST", "/api/v1/departments", { organizationId: org.id, name: "Lost", parentId: "dept_missing" })).status, 404);
    const noOrg = await api("GET", "/api/v1/departments");
    assert.equal(noOrg.status, 400);
    assert.equal(noOrg.body.error.issues[0].field, "organization");

    assert.equal((await api("POST", `/api/v1/departments/${sub.body.id}/members`, { userId: user })).status, 201);
    assert.equal((await api("POST", `/api/v1/departments/${sub.body.id}/members`, { userId: user })).status, 409);
    const direct = await api("GET", `/api/v1/departments/${top.id}/members`);
    assert.equal(direct.body.data.length, 0);
    const nested = await api("GET", `/api/v1/departments/department:${top.externalId}/members?includeSubDepartments=true`);
    assert.deepEqual(nested.body.data.map((u: any) => [u.externalId, u.direct]), [[user, false]]);

    const refused = await api("DELETE", `/api/v1/departments/${top.id}`);
    assert.equal(refused.status, 409);
    const done = await api("DELETE", `/api/v1/departments/${top.id}?cascade=true`);
    assert.equal(done.status, 200);
    assert.deepEqual(done.body.removed, { departments: 2, members: 1, grants: 0 });
    assert.equal((await api("GET", `/api/v1/departments/${sub.body.id}`)).status, 404);
  });
});
