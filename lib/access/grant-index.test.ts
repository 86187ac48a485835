/**
 * A resource with many grants is searched by subject (an index built on first
 * use): the grants found, and their order, must be exactly those of a scan,
 * also after grants are added and revoked.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { decide, grantsOfSubjects, type SubjectSet } from "./decide";
import type { ResourceNode } from "./model";
import { AccessState } from "./state";

function world(grantCount: number) {
  const state = new AccessState();
  state.setDefinitions({
    scopes: [{ id: "scope_default", parentId: null }],
    types: [{ id: "rtype_doc", key: "document" }],
    permissions: [{ id: "perm_read", scopeId: "scope_default", key: "document:read", action: "read", resourceType: "document", resourcePattern: "*" }],
    roles: [{ id: "role_reader", slug: "reader", scopeId: "scope_default", resourceType: null, permissionIds: ["perm_read"], includeIds: [] }],
  });
  state.setOrganization({ id: "org_1", externalId: "acme", scopeId: "scope_default", rootId: null });
  const root = state.upsertResource({ id: "res_root", organizationId: "org_1", resourceTypeId: "rtype_doc", externalId: "root", name: "root", parentId: null, actions: null });
  const addGrant = (id: string, user: number, effect: "allow" | "deny" = "allow") =>
    state.upsertGrant({ id, organizationId: "org_1", subjectType: "user", subjectId: `u${user}`, roleId: "role_reader", actions: null, resourceId: root.id, resourcePattern: null, effect, conditions: null });
  for (let i = 0; i < grantCount; i++) addGrant(`grant_${String(i).padStart(3, "0")}`, i % 40);
  return { state, root, addGrant };
}

const scan = (node: ResourceNode, subjects: SubjectSet) => (node.grants ?? []).filter((g) => subjects.has(g.subjectKey));
const setOf = (...users: number[]): SubjectSet => new Map(users.map((u) => [`user:u${u}`, null]));

test("the index finds what a scan finds, in the resource's order", () => {
  const { root } = world(200);
  for (const subjects of [setOf(3), setOf(3, 17, 39), setOf(41), setOf(0, 1, 2, 3, 4, 5, 6, 7, 8)]) {
    assert.deepEqual(grantsOfSubjects(root, subjects).map((g) => g.id), scan(root, subjects).map((g) => g.id));
  }
  assert.ok(root.grantIndex, "a resource with 200 grants is indexed");
  const small = world(10).root;
  assert.equal(grantsOfSubjects(small, setOf(3)).length, 1);
  assert.equal(small.grantIndex, null, "a resource with few grants is scanned");
});

test("adding and revoking grants drops the index, and answers follow", () => {
  const { state, root, addGrant } = world(100);
  const subjects = setOf(5);
  assert.equal(grantsOfSubjects(root, subjects).length, 3);
  addGrant("grant_deny", 5, "deny");
  assert.equal(root.grantIndex, null);
  assert.deepEqual(grantsOfSubjects(root, subjects).map((g) => g.id), ["grant_005", "grant_045", "grant_085", "grant_deny"]);
  assert.equal(decide(state, subjects, "read", root, {}).allowed, false, "the deny found through the index wins");
  const explained = decide(state, subjects, "read", root, {}, true);
  assert.deepEqual(explained.allow.map((m) => m.grant.id), ["grant_005", "grant_045", "grant_085"]);
  state.removeGrant("grant_deny");
  assert.equal(decide(state, subjects, "read", root, {}).allowed, true);
  assert.equal(decide(state, setOf(77), "read", root, {}).allowed, false);
});
