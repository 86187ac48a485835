/**
 * WorkOS SDK, groups: the groups module's calls (groups and their members)
 * and group role assignments (contract §4 rows 35–40).
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ConflictException, NotFoundException, UnprocessableEntityException, type AuthorizationResource } from "@workos-inc/node";
import { unique } from "./client";
import { member, resourceTypes, throwsTyped, workos } from "./workos-fixtures";

const w = workos();
let t: { workspace: string; project: string };
let orgId: string;
let ws1: AuthorizationResource, pj1: AuthorizationResource;
let ann: string, ben: string; // membership ids
const perm = { wsView: "", pjView: "" };
const role = { wsAdmin: unique("g-ws-admin-"), pjViewer: unique("g-pj-viewer-"), orgViewer: unique("g-org-viewer-") };

before(async () => {
  t = await resourceTypes("workspace", "project");
  Object.assign(perm, { wsView: `${t.workspace}:view`, pjView: `${t.project}:view` });
  for (const slug of Object.values(perm)) await w.authorization.createPermission({ slug, name: slug });
  await w.authorization.createEnvironmentRole({ slug: role.wsAdmin, name: "WS admin", resourceTypeSlug: t.workspace });
  await w.authorization.setEnvironmentRolePermissions(role.wsAdmin, { permissions: [perm.wsView, perm.pjView] });
  await w.authorization.createEnvironmentRole({ slug: role.pjViewer, name: "Project viewer", resourceTypeSlug: t.project });
  await w.authorization.setEnvironmentRolePermissions(role.pjViewer, { permissions: [perm.pjView] });
  await w.authorization.createEnvironmentRole({ slug: role.orgViewer, name: "Org viewer" });
  await w.authorization.setEnvironmentRolePermissions(role.orgViewer, { permissions: [perm.wsView] });
  orgId = (await w.organizations.createOrganization({ name: unique("Groups org ") })).id;
  ws1 = await w.authorization.createResource({ organizationId: orgId, resourceTypeSlug: t.workspace, externalId: "ws-1", name: "WS" });
  pj1 = await w.authorization.createResource({ organizationId: orgId, resourceTypeSlug: t.project, externalId: "p-1", name: "P", parentResourceId: ws1.id });
  ann = (await member(w, orgId, "ann")).membership.id;
  ben = (await member(w, orgId, "ben")).membership.id;
});

const check = async (organizationMembershipId: string, permissionSlug: string, resource: AuthorizationResource) =>
  (await w.authorization.check({ organizationMembershipId, permissionSlug, resourceId: resource.id })).authorized;
const ids = (page: { data: { id: string }[] }) => page.data.map((x) => x.id);

describe("WorkOS SDK: groups module", () => {
  test("createGroup, getGroup, updateGroup, listGroups, deleteGroup", async () => {
    const group = await w.groups.createGroup({ organizationId: orgId, name: "Engineers", description: "build things" });
    assert.equal(group.object, "group");
    assert.match(group.id, /^group_/);
    assert.deepEqual([group.organizationId, group.name, group.description], [orgId, "Engineers", "build things"]);
    assert.ok(group.createdAt instanceof Date && !Number.isNaN(group.createdAt.getTime()));
    assert.equal((await w.groups.getGroup({ organizationId: orgId, groupId: group.id })).name, "Engineers");
    const updated = await w.groups.updateGroup({ organizationId: orgId, groupId: group.id, name: "Eng", description: null });
    assert.deepEqual([updated.name, updated.description], ["Eng", null]);
    const list = await w.groups.listGroups({ organizationId: orgId });
    assert.ok(ids(list).includes(group.id));
    await w.groups.deleteGroup({ organizationId: orgId, groupId: group.id });
    await throwsTyped(w.groups.getGroup({ organizationId: orgId, groupId: group.id }), NotFoundException);
    const elsewhere = await w.organizations.createOrganization({ name: unique("Elsewhere ") });
    const theirs = await w.groups.createGroup({ organizationId: elsewhere.id, name: "Theirs" });
    await throwsTyped(w.groups.getGroup({ organizationId: orgId, groupId: theirs.id }), NotFoundException);
  });

  test("addOrganizationMembership, listOrganizationMemberships, removeOrganizationMembership", async () => {
    const group = await w.groups.createGroup({ organizationId: orgId, name: unique("Members ") });
    const returned = await w.groups.addOrganizationMembership({ organizationId: orgId, groupId: group.id, organizationMembershipId: ann });
    assert.equal(returned.id, group.id);
    await w.groups.addOrganizationMembership({ organizationId: orgId, groupId: group.id, organizationMembershipId: ben });
    await throwsTyped(w.groups.addOrganizationMembership({ organizationId: orgId, groupId: group.id, organizationMembershipId: ann }), ConflictException);
    const members = await w.groups.listOrganizationMemberships({ organizationId: orgId, groupId: group.id, order: "asc" });
    assert.deepEqual(ids(members), [ann, ben].sort());
    assert.ok(members.data.every((m) => m.object === "organization_membership" && m.organizationId === orgId));
    await w.groups.removeOrganizationMembership({ organizationId: orgId, groupId: group.id, organizationMembershipId: ann });
    assert.deepEqual(ids(await w.groups.listOrganizationMemberships({ organizationId: orgId, groupId: group.id })), [ben]);
    await throwsTyped(w.groups.removeOrganizationMembership({ organizationId: orgId, groupId: group.id, organizationMembershipId: ann }), NotFoundException);
  });
});

describe("WorkOS SDK: group role assignments", () => {
  test("createGroupRoleAssignment on the organization and on a resource; get, list; members inherit", async () => {
    const group = await w.groups.createGroup({ organizationId: orgId, name: unique("Admins ") });
    await w.groups.addOrganizationMembership({ organizationId: orgId, groupId: group.id, organizationMembershipId: ann });

    const orgWide = await w.authorization.createGroupRoleAssignment({ groupId: group.id, roleSlug: role.orgViewer });
    assert.equal(orgWide.object, "group_role_assignment");
    assert.deepEqual([orgWide.groupId, orgWide.role, orgWide.resource.resourceTypeSlug, orgWide.resource.externalId], [group.id, { slug: role.orgViewer }, "organization", orgId]);
    const onWorkspace = await w.authorization.createGroupRoleAssignment({ groupId: group.id, roleSlug: role.wsAdmin, resourceId: ws1.id });
    assert.deepEqual(onWorkspace.resource, { id: ws1.id, externalId: "ws-1", resourceTypeSlug: t.workspace });
    await throwsTyped(w.authorization.createGroupRoleAssignment({ groupId: group.id, roleSlug: role.wsAdmin, resourceId: ws1.id }), ConflictException);

    assert.deepEqual(await w.authorization.getGroupRoleAssignment({ groupId: group.id, roleAssignmentId: onWorkspace.id }), onWorkspace);
    assert.deepEqual(ids(await w.authorization.listGroupRoleAssignments({ groupId: group.id })), [onWorkspace.id, orgWide.id]);
    const first = await w.authorization.listGroupRoleAssignments({ groupId: group.id, limit: 1 });
    assert.deepEqual([ids(first), first.listMetadata.after], [[onWorkspace.id], onWorkspace.id]);

    assert.equal(await check(ann, perm.pjView, pj1), true, "a member inherits the group's workspace role on the project");
    assert.equal(await check(ben, perm.pjView, pj1), false, "a non-member does not");
    const indirect = await w.authorization.listMembershipsForResource({ resourceId: pj1.id, permissionSlug: perm.pjView, assignment: "indirect" });
    assert.ok(ids(indirect).includes(ann));
    const direct = await w.authorization.listMembershipsForResource({ resourceId: pj1.id, permissionSlug: perm.pjView, assignment: "direct" });
    assert.ok(!ids(direct).includes(ann));
  });

  test("removeGroupRoleAssignments (by value), removeGroupRoleAssignment (by id), replaceGroupRoleAssignments", async () => {
    const group = await w.groups.createGroup({ organizationId: orgId, name: unique("Rotating ") });
    await w.groups.addOrganizationMembership({ organizationId: orgId, groupId: group.id, organizationMembershipId: ben });
    const orgWide = await w.authorization.createGroupRoleAssignment({ groupId: group.id, roleSlug: role.orgViewer });
    await w.authorization.createGroupRoleAssignment({ groupId: group.id, roleSlug: role.wsAdmin, resourceExternalId: "ws-1", resourceTypeSlug: t.workspace });
    assert.equal(await check(ben, perm.pjView, pj1), true);

    await w.authorization.removeGroupRoleAssignments({ groupId: group.id, roleSlug: role.wsAdmin, resourceExternalId: "ws-1", resourceTypeSlug: t.workspace });
    assert.deepEqual(ids(await w.authorization.listGroupRoleAssignments({ groupId: group.id })), [orgWide.id]);
    assert.equal(await check(ben, perm.pjView, pj1), false);
    assert.equal(await check(ben, perm.wsView, ws1), true, "the organization-wide role stays");
    await throwsTyped(w.authorization.removeGroupRoleAssignments({ groupId: group.id, roleSlug: role.wsAdmin, resourceId: ws1.id }), NotFoundException);

    const replaced = await w.authorization.replaceGroupRoleAssignments({
      groupId: group.id,
      roleAssignments: [{ roleSlug: role.orgViewer }, { roleSlug: role.pjViewer, resourceExternalId: "p-1", resourceTypeSlug: t.project }, { roleSlug: role.pjViewer, resourceId: pj1.id }],
    });
    assert.equal(replaced.object, "list");
    assert.equal(replaced.data.length, 2, "duplicates collapse");
    assert.ok(replaced.data.some((a) => a.id === orgWide.id), "an assignment in both sets is kept as it is");
    const onProject = replaced.data.find((a) => a.resource.id === pj1.id)!;
    assert.deepEqual(onProject.role, { slug: role.pjViewer });
    assert.equal(await check(ben, perm.pjView, pj1), true);

    await throwsTyped(
      w.authorization.replaceGroupRoleAssignments({ groupId: group.id, roleAssignments: [{ roleSlug: role.orgViewer }, { roleSlug: unique("missing-") }] }),
      NotFoundException,
    );
    assert.equal((await w.authorization.listGroupRoleAssignments({ groupId: group.id })).data.length, 2, "a failed replace changes nothing");
    const tooMany = Array.from({ length: 101 }, () => ({ roleSlug: role.orgViewer }));
    await throwsTyped(w.authorization.replaceGroupRoleAssignments({ groupId: group.id, roleAssignments: tooMany }), UnprocessableEntityException);

    await w.authorization.removeGroupRoleAssignment({ groupId: group.id, roleAssignmentId: onProject.id });
    await throwsTyped(w.authorization.getGroupRoleAssignment({ groupId: group.id, roleAssignmentId: onProject.id }), NotFoundException);
    const emptied = await w.authorization.replaceGroupRoleAssignments({ groupId: group.id, roleAssignments: [] });
    assert.deepEqual(emptied.data, []);
    assert.equal(await check(ben, perm.wsView, ws1), false);
  });

  test("errors: unknown group or assignment → not found; another group's assignment → not found", async () => {
    await throwsTyped(w.authorization.listGroupRoleAssignments({ groupId: "group_missing" }), NotFoundException);
    await throwsTyped(w.authorization.createGroupRoleAssignment({ groupId: "group_missing", roleSlug: role.orgViewer }), NotFoundException);
    const a = await w.groups.createGroup({ organizationId: orgId, name: unique("A ") });
    const b = await w.groups.createGroup({ organizationId: orgId, name: unique("B ") });
    const assignment = await w.authorization.createGroupRoleAssignment({ groupId: a.id, roleSlug: role.orgViewer });
    await throwsTyped(w.authorization.getGroupRoleAssignment({ groupId: b.id, roleAssignmentId: assignment.id }), NotFoundException);
    await throwsTyped(w.authorization.removeGroupRoleAssignment({ groupId: b.id, roleAssignmentId: assignment.id }), NotFoundException);
    await throwsTyped(w.authorization.createGroupRoleAssignment({ groupId: a.id, roleSlug: role.pjViewer, resourceId: ws1.id }), UnprocessableEntityException);
  });
});
