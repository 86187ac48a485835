/**
 * WorkOS SDK, role assignments of memberships, checks and discovery
 * (contract §4 rows 28–34 and 41–45): a role assigned on a workspace is
 * inherited by the projects and documents beneath it.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { NotFoundException, UnprocessableEntityException, type AuthorizationResource } from "@workos-inc/node";
import { unique } from "./client";
import { member, resourceTypes, throwsTyped, workos } from "./workos-fixtures";

const w = workos();
let t: { workspace: string; project: string; document: string };
let orgId: string;
let otherOrgId: string;
const perm = { wsView: "", pjView: "", pjEdit: "", docView: "" };
const role = { wsAdmin: unique("ws-admin-"), pjEditor: unique("pj-editor-"), orgViewer: unique("org-viewer-") };
let ws1: AuthorizationResource, ws2: AuthorizationResource, pj1: AuthorizationResource, pj2: AuthorizationResource, doc1: AuthorizationResource;
let foreign: AuthorizationResource;
let ann: string, ben: string, cat: string; // membership ids

before(async () => {
  t = await resourceTypes("workspace", "project", "document");
  Object.assign(perm, { wsView: `${t.workspace}:view`, pjView: `${t.project}:view`, pjEdit: `${t.project}:edit`, docView: `${t.document}:view` });
  for (const slug of Object.values(perm)) await w.authorization.createPermission({ slug, name: slug });
  await w.authorization.createEnvironmentRole({ slug: role.wsAdmin, name: "Workspace admin", resourceTypeSlug: t.workspace });
  await w.authorization.setEnvironmentRolePermissions(role.wsAdmin, { permissions: Object.values(perm) });
  await w.authorization.createEnvironmentRole({ slug: role.pjEditor, name: "Project editor", resourceTypeSlug: t.project });
  await w.authorization.setEnvironmentRolePermissions(role.pjEditor, { permissions: [perm.pjView, perm.pjEdit] });
  await w.authorization.createEnvironmentRole({ slug: role.orgViewer, name: "Org viewer" });
  await w.authorization.setEnvironmentRolePermissions(role.orgViewer, { permissions: [perm.pjView] });

  orgId = (await w.organizations.createOrganization({ name: unique("Access org ") })).id;
  otherOrgId = (await w.organizations.createOrganization({ name: unique("Other org ") })).id;
  const make = (organizationId: string, type: string, externalId: string, parentResourceId?: string) =>
    w.authorization.createResource({ organizationId, resourceTypeSlug: type, externalId, name: externalId, ...(parentResourceId ? { parentResourceId } : {}) });
  ws1 = await make(orgId, t.workspace, "ws-1");
  ws2 = await make(orgId, t.workspace, "ws-2");
  pj1 = await make(orgId, t.project, "p-1", ws1.id);
  pj2 = await make(orgId, t.project, "p-2", ws1.id);
  doc1 = await make(orgId, t.document, "d-1", pj1.id);
  foreign = await make(otherOrgId, t.workspace, "ws-1");
  ann = (await member(w, orgId, "ann")).membership.id;
  ben = (await member(w, orgId, "ben")).membership.id;
  cat = (await member(w, orgId, "cat")).membership.id;
});

const allowed = async (organizationMembershipId: string, permissionSlug: string, resource: AuthorizationResource) =>
  (await w.authorization.check({ organizationMembershipId, permissionSlug, resourceId: resource.id })).authorized;
const ids = (page: { data: { id: string }[] }) => page.data.map((x) => x.id);
const sorted = (xs: string[]) => [...xs].sort();

describe("WorkOS SDK: role assignments and access", () => {
  test("assignRole by id and by external id; listRoleAssignments with filters and paging; assigning twice changes nothing", async () => {
    const onWorkspace = await w.authorization.assignRole({ organizationMembershipId: ann, roleSlug: role.wsAdmin, resourceId: ws1.id });
    assert.equal(onWorkspace.object, "role_assignment");
    assert.deepEqual(
      [onWorkspace.organizationMembershipId, onWorkspace.role, onWorkspace.resource, onWorkspace.source],
      [ann, { slug: role.wsAdmin }, { id: ws1.id, externalId: "ws-1", resourceTypeSlug: t.workspace }, { type: "direct", groupRoleAssignmentId: null }],
    );
    const onProject = await w.authorization.assignRole({ organizationMembershipId: ann, roleSlug: role.pjEditor, resourceExternalId: "p-2", resourceTypeSlug: t.project });
    assert.equal(onProject.resource.id, pj2.id);
    const again = await w.authorization.assignRole({ organizationMembershipId: ann, roleSlug: role.wsAdmin, resourceId: ws1.id });
    assert.equal(again.id, onWorkspace.id);

    assert.deepEqual(ids(await w.authorization.listRoleAssignments({ organizationMembershipId: ann })), [onProject.id, onWorkspace.id]);
    assert.deepEqual(ids(await w.authorization.listRoleAssignments({ organizationMembershipId: ann, resourceId: ws1.id })), [onWorkspace.id]);
    assert.deepEqual(ids(await w.authorization.listRoleAssignments({ organizationMembershipId: ann, resourceExternalId: "p-2", resourceTypeSlug: t.project })), [onProject.id]);
    const first = await w.authorization.listRoleAssignments({ organizationMembershipId: ann, limit: 1, order: "asc" });
    assert.deepEqual([ids(first), first.listMetadata.after], [[onWorkspace.id], onWorkspace.id]);
    const next = await w.authorization.listRoleAssignments({ organizationMembershipId: ann, limit: 1, order: "asc", after: first.listMetadata.after! });
    assert.deepEqual([ids(next), next.listMetadata.before, next.listMetadata.after], [[onProject.id], onProject.id, null]);
  });

  test("inheritance: a role on a workspace makes check true on a project and a document beneath it", async () => {
    assert.equal(await allowed(ann, perm.pjView, pj1), true);
    assert.equal(await allowed(ann, perm.pjEdit, pj1), true);
    const onDocument = await w.authorization.check({ organizationMembershipId: ann, permissionSlug: perm.docView, resourceExternalId: "d-1", resourceTypeSlug: t.document });
    assert.deepEqual(onDocument, { authorized: true });
    assert.equal(await allowed(ann, perm.wsView, ws2), false, "not on a sibling workspace");
    assert.equal(await allowed(ann, perm.docView, pj1), false, "a document permission does not apply to a project");
    assert.equal(await allowed(ben, perm.pjView, pj1), false, "nothing assigned to ben yet");
  });

  test("listEffectivePermissions and listEffectivePermissionsByExternalId include what is inherited from ancestors", async () => {
    const onProject = await w.authorization.listEffectivePermissions({ organizationMembershipId: ann, resourceId: pj1.id });
    assert.deepEqual(sorted(onProject.data.map((p) => p.slug)), sorted([perm.pjView, perm.pjEdit]));
    assert.ok(onProject.data.every((p) => p.object === "permission" && p.resourceTypeSlug === t.project));
    const onDocument = await w.authorization.listEffectivePermissionsByExternalId({ organizationMembershipId: ann, resourceTypeSlug: t.document, externalId: "d-1" });
    assert.deepEqual(onDocument.data.map((p) => p.slug), [perm.docView]);
    const one = await w.authorization.listEffectivePermissions({ organizationMembershipId: ann, resourceId: pj1.id, limit: 1 });
    assert.equal(one.data.length, 1);
    assert.ok(one.listMetadata.after);
    assert.deepEqual((await w.authorization.listEffectivePermissions({ organizationMembershipId: ben, resourceId: pj1.id })).data, []);
  });

  test("listMembershipsForResource: indirect lists the member who inherits, direct does not", async () => {
    await w.authorization.assignRole({ organizationMembershipId: ben, roleSlug: role.pjEditor, resourceId: pj1.id });
    const indirect = await w.authorization.listMembershipsForResource({ resourceId: pj1.id, permissionSlug: perm.pjView, assignment: "indirect" });
    assert.deepEqual(sorted(ids(indirect)), sorted([ann, ben]));
    const entry = indirect.data.find((m) => m.id === ann)!;
    assert.deepEqual([entry.object, entry.organizationId, entry.status, entry.directoryManaged], ["organization_membership", orgId, "active", false]);
    const direct = await w.authorization.listMembershipsForResource({ resourceId: pj1.id, permissionSlug: perm.pjView, assignment: "direct" });
    assert.deepEqual(ids(direct), [ben]);
    const byKey = await w.authorization.listMembershipsForResourceByExternalId({ organizationId: orgId, resourceTypeSlug: t.project, externalId: "p-1", permissionSlug: perm.pjEdit, assignment: "indirect" });
    assert.deepEqual(sorted(ids(byKey)), sorted([ann, ben]));
    const byKeyDirect = await w.authorization.listMembershipsForResourceByExternalId({ organizationId: orgId, resourceTypeSlug: t.project, externalId: "p-1", permissionSlug: perm.pjEdit, assignment: "direct" });
    assert.deepEqual(ids(byKeyDirect), [ben]);
    const onDocument = await w.authorization.listMembershipsForResource({ resourceId: doc1.id, permissionSlug: perm.docView, assignment: "indirect" });
    assert.deepEqual(ids(onDocument), [ann], "ben's project role has no document permission");
  });

  test("listResourcesForMembership: the children of a parent on which the membership has the permission", async () => {
    const annProjects = await w.authorization.listResourcesForMembership({ organizationMembershipId: ann, permissionSlug: perm.pjView, parentResourceId: ws1.id });
    assert.deepEqual(sorted(ids(annProjects)), sorted([pj1.id, pj2.id]));
    assert.ok(annProjects.data.every((r) => r.object === "authorization_resource" && r.parentResourceId === ws1.id));
    const benProjects = await w.authorization.listResourcesForMembership({ organizationMembershipId: ben, permissionSlug: perm.pjView, parentResourceExternalId: "ws-1", parentResourceTypeSlug: t.workspace });
    assert.deepEqual(ids(benProjects), [pj1.id]);
    const docs = await w.authorization.listResourcesForMembership({ organizationMembershipId: ann, permissionSlug: perm.docView, parentResourceId: pj1.id });
    assert.deepEqual(ids(docs), [doc1.id]);
    const workspaces = await w.authorization.listResourcesForMembership({ organizationMembershipId: ann, permissionSlug: perm.wsView, parentResourceExternalId: orgId, parentResourceTypeSlug: "organization" });
    assert.deepEqual(ids(workspaces), [ws1.id], "from the organization itself: the top-level resources");
    const paged = await w.authorization.listResourcesForMembership({ organizationMembershipId: ann, permissionSlug: perm.pjView, parentResourceId: ws1.id, limit: 1, order: "asc" });
    assert.deepEqual([ids(paged), paged.listMetadata.after], [[pj1.id], pj1.id]);
  });

  test("listRoleAssignmentsForResource and listResourceRoleAssignments, optionally by role", async () => {
    const onWorkspace = await w.authorization.listRoleAssignmentsForResource({ resourceId: ws1.id });
    assert.deepEqual(onWorkspace.data.map((a) => [a.organizationMembershipId, a.role.slug]), [[ann, role.wsAdmin]]);
    assert.deepEqual((await w.authorization.listRoleAssignmentsForResource({ resourceId: ws1.id, roleSlug: role.pjEditor })).data, []);
    const onProject = await w.authorization.listResourceRoleAssignments({ organizationId: orgId, resourceTypeSlug: t.project, externalId: "p-1", roleSlug: role.pjEditor });
    assert.deepEqual(onProject.data.map((a) => [a.organizationMembershipId, a.resource.id]), [[ben, pj1.id]]);
  });

  test("removeRole (by value, DELETE with a body) and removeRoleAssignment (by id) take the access away", async () => {
    await w.authorization.removeRole({ organizationMembershipId: ann, roleSlug: role.wsAdmin, resourceExternalId: "ws-1", resourceTypeSlug: t.workspace });
    assert.equal(await allowed(ann, perm.pjView, pj1), false, "the inherited access is gone");
    const left = await w.authorization.listRoleAssignments({ organizationMembershipId: ann });
    assert.deepEqual(left.data.map((a) => a.resource.id), [pj2.id], "the direct assignment on another project stays");
    assert.equal(await allowed(ann, perm.pjEdit, pj2), true);
    await w.authorization.removeRoleAssignment({ organizationMembershipId: ann, roleAssignmentId: left.data[0].id });
    assert.deepEqual((await w.authorization.listRoleAssignments({ organizationMembershipId: ann })).data, []);
    assert.equal(await allowed(ann, perm.pjEdit, pj2), false);

    await throwsTyped(w.authorization.removeRole({ organizationMembershipId: ann, roleSlug: role.wsAdmin, resourceId: ws1.id }), NotFoundException);
    const bens = await w.authorization.listRoleAssignments({ organizationMembershipId: ben });
    await throwsTyped(w.authorization.removeRoleAssignment({ organizationMembershipId: ann, roleAssignmentId: bens.data[0].id }), NotFoundException);
    await w.authorization.removeRole({ organizationMembershipId: ben, roleSlug: role.pjEditor, resourceId: pj1.id });
    assert.equal(await allowed(ben, perm.pjView, pj1), false);
  });

  test("organization-wide roles of a membership (userManagement role_slugs) reach every resource of the organization", async () => {
    const membership = await w.userManagement.updateOrganizationMembership(cat, { roleSlugs: [role.orgViewer] });
    assert.deepEqual([membership.role, membership.roles], [{ slug: role.orgViewer }, [{ slug: role.orgViewer }]]);
    assert.equal(await allowed(cat, perm.pjView, pj1), true);
    assert.equal(await allowed(cat, perm.pjEdit, pj1), false);
    const indirect = await w.authorization.listMembershipsForResource({ resourceId: pj2.id, permissionSlug: perm.pjView, assignment: "indirect" });
    assert.ok(ids(indirect).includes(cat));
    assert.deepEqual((await w.userManagement.getOrganizationMembership(cat)).roles, [{ slug: role.orgViewer }]);
    await w.userManagement.updateOrganizationMembership(cat, { roleSlugs: [] });
    assert.equal(await allowed(cat, perm.pjView, pj1), false);
  });

  test("errors: unknown membership, role or resource → not found; another organization's resource → not found; bad input → unprocessable", async () => {
    await throwsTyped(w.authorization.check({ organizationMembershipId: "om_missing", permissionSlug: perm.pjView, resourceId: pj1.id }), NotFoundException);
    await throwsTyped(w.authorization.check({ organizationMembershipId: ann, permissionSlug: perm.wsView, resourceId: foreign.id }), NotFoundException);
    await throwsTyped(w.authorization.check({ organizationMembershipId: ann, permissionSlug: "not a slug!", resourceId: pj1.id }), UnprocessableEntityException);
    await throwsTyped(w.authorization.assignRole({ organizationMembershipId: ann, roleSlug: unique("nope-"), resourceId: pj1.id }), NotFoundException);
    await throwsTyped(w.authorization.assignRole({ organizationMembershipId: ann, roleSlug: role.pjEditor, resourceId: foreign.id }), NotFoundException);
    await throwsTyped(
      w.authorization.assignRole({ organizationMembershipId: ann, roleSlug: role.pjEditor, resourceId: ws1.id }),
      UnprocessableEntityException,
      422,
    );
    await throwsTyped(w.authorization.listRoleAssignments({ organizationMembershipId: "om_missing" }), NotFoundException);
    await throwsTyped(w.authorization.listEffectivePermissions({ organizationMembershipId: ann, resourceId: foreign.id }), NotFoundException);
    await throwsTyped(w.authorization.listMembershipsForResource({ resourceId: "authz_resource_missing", permissionSlug: perm.pjView }), NotFoundException);
  });
});
