/**
 * Tenant isolation in the WorkOS family, driven by the real @workos-inc/node
 * SDK with an API key restricted to organization A (made through
 * POST /api/v1/api-keys): B's resources, memberships, role assignments,
 * groups and organization roles raise NotFoundException, exactly as if they
 * did not exist; lists never include them; nothing is written in B. Also:
 * a read-only key cannot write, and a revoked key gets 401 at once.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { NotFoundException, UnauthorizedException, UnprocessableEntityException, type AuthorizationResource, type WorkOS } from "@workos-inc/node";
import { api, unique } from "./client";
import { member, resourceTypes, throwsTyped, workos } from "./workos-fixtures";

const admin = workos();
const n = unique("tw");
let t: { workspace: string; project: string };
const perm = { view: "", edit: "" };
const role = { editor: `${n}-editor`, viewer: `${n}-viewer` };

/** Filled in by `before`. */
const f = {} as {
  tenant: WorkOS;
  tenantKeyName: string;
  a: string;
  b: string;
  aWs: AuthorizationResource;
  bWs: AuthorizationResource;
  bProject: AuthorizationResource;
  aMembership: string;
  bMembership: string;
  bUser: string;
  bAssignment: string;
  aGroup: string;
  bGroup: string;
  bGroupAssignment: string;
  bOrgRole: string;
};

async function keyFor(body: Record<string, unknown>): Promise<string> {
  const res = await api("POST", "/api/v1/api-keys", body);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.secret;
}

/** The SDK's exception for a status it has no class of its own for (403) carries the status. */
async function forbidden(call: Promise<unknown>) {
  await assert.rejects(call, (e: unknown) => {
    assert.equal((e as { status?: number }).status, 403, String(e));
    return true;
  });
}

const ids = (page: { data: { id: string }[] }) => page.data.map((x) => x.id);

before(async () => {
  t = await resourceTypes("workspace", "project");
  Object.assign(perm, { view: `${t.workspace}:view`, edit: `${t.workspace}:edit` });
  for (const slug of Object.values(perm)) await admin.authorization.createPermission({ slug, name: slug });
  await admin.authorization.createEnvironmentRole({ slug: role.editor, name: "Editor", resourceTypeSlug: t.workspace });
  await admin.authorization.setEnvironmentRolePermissions(role.editor, { permissions: [perm.view, perm.edit] });
  await admin.authorization.createEnvironmentRole({ slug: role.viewer, name: "Viewer" });
  await admin.authorization.setEnvironmentRolePermissions(role.viewer, { permissions: [perm.view] });

  f.a = (await admin.organizations.createOrganization({ name: `Tenant A ${n}` })).id;
  f.b = (await admin.organizations.createOrganization({ name: `Tenant B ${n}` })).id;
  // The same external id in both organizations: for A's key it is simply A's.
  f.aWs = await admin.authorization.createResource({ organizationId: f.a, resourceTypeSlug: t.workspace, externalId: "ws", name: "A's workspace" });
  f.bWs = await admin.authorization.createResource({ organizationId: f.b, resourceTypeSlug: t.workspace, externalId: "ws", name: "B's workspace" });
  f.bProject = await admin.authorization.createResource({ organizationId: f.b, resourceTypeSlug: t.project, externalId: "b-only", name: "Only in B", parentResourceId: f.bWs.id });

  const ann = await member(admin, f.a, "ann");
  f.aMembership = ann.membership.id;
  // Ann belongs to B as well; B's membership and everything granted through it stay B's.
  f.bMembership = (await admin.userManagement.createOrganizationMembership({ organizationId: f.b, userId: ann.user.id })).id;
  f.bUser = (await member(admin, f.b, "bob")).user.id;
  await admin.authorization.assignRole({ organizationMembershipId: f.aMembership, roleSlug: role.editor, resourceId: f.aWs.id });
  f.bAssignment = (await admin.authorization.assignRole({ organizationMembershipId: f.bMembership, roleSlug: role.editor, resourceId: f.bWs.id })).id;

  f.aGroup = (await admin.groups.createGroup({ organizationId: f.a, name: "A team" })).id;
  f.bGroup = (await admin.groups.createGroup({ organizationId: f.b, name: "B team" })).id;
  await admin.groups.addOrganizationMembership({ organizationId: f.b, groupId: f.bGroup, organizationMembershipId: f.bMembership });
  f.bGroupAssignment = (await admin.authorization.createGroupRoleAssignment({ groupId: f.bGroup, roleSlug: role.viewer, resourceId: f.bWs.id })).id;
  f.bOrgRole = (await admin.authorization.createOrganizationRole(f.b, { slug: `${n}-b-role`, name: "B's own role" })).slug;

  f.tenantKeyName = `workos-tenant-${n}`;
  f.tenant = workos(await keyFor({ name: f.tenantKeyName, organizationId: f.a }));
});

describe("WorkOS SDK with a key restricted to organization A", () => {
  test("organizations: its own is readable, another raises NotFoundException, creating one is refused", async () => {
    assert.equal((await f.tenant.organizations.getOrganization(f.a)).id, f.a);
    await throwsTyped(f.tenant.organizations.getOrganization(f.b), NotFoundException);
    await forbidden(f.tenant.organizations.createOrganization({ name: "Another" }));
  });

  test("B's resources raise NotFoundException by id and by external id, for reads, writes and as parents", async () => {
    const w = f.tenant.authorization;
    assert.equal((await w.getResourceByExternalId({ organizationId: f.a, resourceTypeSlug: t.workspace, externalId: "ws" })).id, f.aWs.id);
    for (const resource of [f.bWs, f.bProject]) {
      await throwsTyped(w.getResource(resource.id), NotFoundException);
      await throwsTyped(w.updateResource({ resourceId: resource.id, name: "Mine now" }), NotFoundException);
      await throwsTyped(w.deleteResource({ resourceId: resource.id, cascadeDelete: true }), NotFoundException);
      const key = { organizationId: f.b, resourceTypeSlug: resource.resourceTypeSlug, externalId: resource.externalId };
      await throwsTyped(w.getResourceByExternalId(key), NotFoundException);
      await throwsTyped(w.updateResourceByExternalId({ ...key, name: "Mine now" }), NotFoundException);
      await throwsTyped(w.deleteResourceByExternalId(key), NotFoundException);
    }
    await throwsTyped(w.createResource({ organizationId: f.b, resourceTypeSlug: t.workspace, externalId: "planted", name: "Planted" }), NotFoundException);
    await throwsTyped(w.createResource({ organizationId: f.a, resourceTypeSlug: t.project, externalId: "planted", name: "Planted", parentResourceId: f.bWs.id }), NotFoundException);
    assert.equal((await admin.authorization.getResource(f.bProject.id)).name, "Only in B", "B's resource is untouched");
  });

  test("listResources never includes B's resources", async () => {
    const all = ids(await f.tenant.authorization.listResources({ limit: 100 }));
    assert.ok(all.includes(f.aWs.id));
    assert.ok(!all.includes(f.bWs.id) && !all.includes(f.bProject.id));
    // A filter naming an organization or parent that does not exist is a 422 (…_exists); B's are answered the same way.
    const refusal = (filter: { organizationId: string } | { parentResourceId: string }, w = f.tenant) =>
      w.authorization.listResources(filter).then(
        () => assert.fail("listed"),
        (e: unknown) => (e instanceof UnprocessableEntityException ? e.message.replaceAll(Object.values(filter)[0], "<id>") : String(e)),
      );
    assert.equal(await refusal({ parentResourceId: f.bWs.id }), await refusal({ parentResourceId: "authz_resource_01J00000000000000000000000" }, admin));
    assert.equal(await refusal({ organizationId: f.b }), await refusal({ organizationId: "org_01J00000000000000000000000" }, admin));
  });

  test("B's memberships raise NotFoundException; none can be made in B", async () => {
    const um = f.tenant.userManagement;
    assert.equal((await um.getOrganizationMembership(f.aMembership)).organizationId, f.a);
    await throwsTyped(um.getOrganizationMembership(f.bMembership), NotFoundException);
    await throwsTyped(um.updateOrganizationMembership(f.bMembership, { roleSlug: role.viewer }), NotFoundException);
    await throwsTyped(um.deleteOrganizationMembership(f.bMembership), NotFoundException);
    await throwsTyped(um.createOrganizationMembership({ organizationId: f.b, userId: f.bUser }), NotFoundException);
    assert.equal((await admin.userManagement.getOrganizationMembership(f.bMembership)).organizationId, f.b);
  });

  test("B's role assignments raise NotFoundException and never appear in A's lists", async () => {
    const w = f.tenant.authorization;
    const own = ids(await w.listRoleAssignments({ organizationMembershipId: f.aMembership }));
    assert.equal(own.length, 1);
    assert.ok(!own.includes(f.bAssignment));
    await throwsTyped(w.listRoleAssignments({ organizationMembershipId: f.bMembership }), NotFoundException);
    await throwsTyped(w.listRoleAssignments({ organizationMembershipId: f.aMembership, resourceId: f.bWs.id }), NotFoundException);
    await throwsTyped(w.listRoleAssignmentsForResource({ resourceId: f.bWs.id }), NotFoundException);
    await throwsTyped(w.listResourceRoleAssignments({ organizationId: f.b, resourceTypeSlug: t.workspace, externalId: "ws" }), NotFoundException);
    const onA = ids(await w.listResourceRoleAssignments({ organizationId: f.a, resourceTypeSlug: t.workspace, externalId: "ws" }));
    assert.ok(onA.length === 1 && !onA.includes(f.bAssignment));
    await throwsTyped(w.assignRole({ organizationMembershipId: f.bMembership, roleSlug: role.editor, resourceId: f.bWs.id }), NotFoundException);
    await throwsTyped(w.assignRole({ organizationMembershipId: f.aMembership, roleSlug: role.editor, resourceId: f.bWs.id }), NotFoundException);
    await throwsTyped(w.removeRoleAssignment({ organizationMembershipId: f.bMembership, roleAssignmentId: f.bAssignment }), NotFoundException);
    await throwsTyped(w.removeRoleAssignment({ organizationMembershipId: f.aMembership, roleAssignmentId: f.bAssignment }), NotFoundException);
    await throwsTyped(w.removeRole({ organizationMembershipId: f.bMembership, roleSlug: role.editor, resourceId: f.bWs.id }), NotFoundException);
    assert.deepEqual(ids(await admin.authorization.listRoleAssignments({ organizationMembershipId: f.bMembership })), [f.bAssignment], "B's assignment is untouched");
  });

  test("checks and discovery about B raise NotFoundException; discovery in A never names B's memberships", async () => {
    const w = f.tenant.authorization;
    assert.equal((await w.check({ organizationMembershipId: f.aMembership, permissionSlug: perm.edit, resourceId: f.aWs.id })).authorized, true);
    await throwsTyped(w.check({ organizationMembershipId: f.bMembership, permissionSlug: perm.edit, resourceId: f.bWs.id }), NotFoundException);
    await throwsTyped(w.check({ organizationMembershipId: f.aMembership, permissionSlug: perm.edit, resourceId: f.bWs.id }), NotFoundException);
    await throwsTyped(w.listEffectivePermissions({ organizationMembershipId: f.aMembership, resourceId: f.bWs.id }), NotFoundException);
    await throwsTyped(w.listMembershipsForResource({ resourceId: f.bWs.id, permissionSlug: perm.view }), NotFoundException);
    await throwsTyped(w.listResourcesForMembership({ organizationMembershipId: f.bMembership, permissionSlug: perm.view, parentResourceId: f.bWs.id }), NotFoundException);
    const members = ids(await w.listMembershipsForResource({ resourceId: f.aWs.id, permissionSlug: perm.view }));
    assert.deepEqual(members, [f.aMembership], "ann is named by her membership in A, never B's");
  });

  test("B's groups, their members and group role assignments raise NotFoundException", async () => {
    const g = f.tenant.groups;
    assert.deepEqual(ids(await g.listGroups({ organizationId: f.a })), [f.aGroup]);
    await throwsTyped(g.listGroups({ organizationId: f.b }), NotFoundException);
    await throwsTyped(g.getGroup({ organizationId: f.b, groupId: f.bGroup }), NotFoundException);
    await throwsTyped(g.getGroup({ organizationId: f.a, groupId: f.bGroup }), NotFoundException);
    await throwsTyped(g.updateGroup({ organizationId: f.b, groupId: f.bGroup, name: "Mine" }), NotFoundException);
    await throwsTyped(g.deleteGroup({ organizationId: f.b, groupId: f.bGroup }), NotFoundException);
    await throwsTyped(g.listOrganizationMemberships({ organizationId: f.b, groupId: f.bGroup }), NotFoundException);
    await throwsTyped(g.addOrganizationMembership({ organizationId: f.b, groupId: f.bGroup, organizationMembershipId: f.aMembership }), NotFoundException);
    await throwsTyped(g.addOrganizationMembership({ organizationId: f.a, groupId: f.aGroup, organizationMembershipId: f.bMembership }), NotFoundException);
    await throwsTyped(g.createGroup({ organizationId: f.b, name: "Planted" }), NotFoundException);
    const w = f.tenant.authorization;
    await throwsTyped(w.listGroupRoleAssignments({ groupId: f.bGroup }), NotFoundException);
    await throwsTyped(w.getGroupRoleAssignment({ groupId: f.bGroup, roleAssignmentId: f.bGroupAssignment }), NotFoundException);
    await throwsTyped(w.createGroupRoleAssignment({ groupId: f.bGroup, roleSlug: role.viewer, resourceId: f.bWs.id }), NotFoundException);
    await throwsTyped(w.createGroupRoleAssignment({ groupId: f.aGroup, roleSlug: role.viewer, resourceId: f.bWs.id }), NotFoundException);
    await throwsTyped(w.removeGroupRoleAssignment({ groupId: f.bGroup, roleAssignmentId: f.bGroupAssignment }), NotFoundException);
    assert.deepEqual(ids(await admin.authorization.listGroupRoleAssignments({ groupId: f.bGroup })), [f.bGroupAssignment]);
  });

  test("organization roles: B's raise NotFoundException and are absent from A's list; shared definitions are read-only", async () => {
    const w = f.tenant.authorization;
    await throwsTyped(w.listOrganizationRoles(f.b), NotFoundException);
    await throwsTyped(w.getOrganizationRole(f.b, f.bOrgRole), NotFoundException);
    await throwsTyped(w.getOrganizationRole(f.a, f.bOrgRole), NotFoundException);
    await throwsTyped(w.updateOrganizationRole(f.b, f.bOrgRole, { name: "Mine" }), NotFoundException);
    await throwsTyped(w.deleteOrganizationRole(f.b, f.bOrgRole), NotFoundException);
    await throwsTyped(w.createOrganizationRole(f.b, { slug: `${n}-planted`, name: "Planted" }), NotFoundException);
    const slugs = (await w.listOrganizationRoles(f.a)).data.map((r) => r.slug);
    assert.ok(slugs.includes(role.editor) && !slugs.includes(f.bOrgRole));
    const own = await w.createOrganizationRole(f.a, { slug: `${n}-a-role`, name: "A's own role" });
    assert.equal(own.slug, `${n}-a-role`);
    assert.equal((await w.getEnvironmentRole(role.editor)).slug, role.editor);
    await forbidden(w.createEnvironmentRole({ slug: `${n}-planted`, name: "Planted" }));
    await forbidden(w.updateEnvironmentRole(role.editor, { name: "Renamed" }));
    await forbidden(w.createPermission({ slug: `${t.workspace}:planted`, name: "Planted" }));
  });

  test("nothing it sent was written in B, and its own writes name it in the change log", async () => {
    const inB = (await api("GET", `/api/v1/changes?organizationId=${f.b}&limit=1000`)).body.data;
    assert.ok(inB.length > 0);
    assert.ok(inB.every((c: any) => c.actor !== `key:${f.tenantKeyName}`), "no change in B names the restricted key");
    const made = await f.tenant.authorization.createResource({ organizationId: f.a, resourceTypeSlug: t.project, externalId: "by-tenant", name: "Made by A's key", parentResourceId: f.aWs.id });
    const entries = (await api("GET", `/api/v1/changes?entityId=${made.id}`)).body.data;
    assert.deepEqual(entries.map((c: any) => c.actor), [`key:${f.tenantKeyName}`]);
  });
});

describe("WorkOS SDK: read-only and revoked keys", () => {
  test("a read-only key reads and checks but every write is refused with 403, writing nothing", async () => {
    const name = `workos-reader-${n}`;
    const reader = workos(await keyFor({ name, readOnly: true }));
    assert.equal((await reader.authorization.getResource(f.aWs.id)).id, f.aWs.id);
    assert.equal((await reader.authorization.check({ organizationMembershipId: f.aMembership, permissionSlug: perm.view, resourceId: f.aWs.id })).authorized, true);
    await forbidden(reader.organizations.createOrganization({ name: "Nope" }));
    await forbidden(reader.authorization.createResource({ organizationId: f.a, resourceTypeSlug: t.workspace, externalId: "nope", name: "Nope" }));
    await forbidden(reader.authorization.updateResource({ resourceId: f.aWs.id, name: "Nope" }));
    await forbidden(reader.authorization.deleteResource({ resourceId: f.aWs.id }));
    await forbidden(reader.authorization.assignRole({ organizationMembershipId: f.aMembership, roleSlug: role.viewer, resourceId: f.aWs.id }));
    await forbidden(reader.authorization.createPermission({ slug: `${t.workspace}:nope`, name: "Nope" }));
    await forbidden(reader.userManagement.createUser({ email: `${n}-nope@example.com` }));
    await forbidden(reader.groups.createGroup({ organizationId: f.a, name: "Nope" }));
    assert.deepEqual((await api("GET", `/api/v1/changes?actor=key:${name}`)).body.data, []);
  });

  test("a read-only key restricted to A reads A and still gets NotFoundException for B", async () => {
    const reader = workos(await keyFor({ name: `workos-tenant-reader-${n}`, organizationId: f.a, readOnly: true }));
    assert.equal((await reader.authorization.getResource(f.aWs.id)).id, f.aWs.id);
    await throwsTyped(reader.authorization.getResource(f.bWs.id), NotFoundException);
    await forbidden(reader.authorization.updateResource({ resourceId: f.aWs.id, name: "Nope" }));
  });

  test("a revoked key raises UnauthorizedException on its very next request", async () => {
    const created = await api("POST", "/api/v1/api-keys", { name: `workos-doomed-${n}`, organizationId: f.a });
    const doomed = workos(created.body.secret);
    assert.equal((await doomed.authorization.getResource(f.aWs.id)).id, f.aWs.id);
    assert.equal((await api("DELETE", `/api/v1/api-keys/${created.body.id}`)).status, 200);
    await throwsTyped(doomed.authorization.getResource(f.aWs.id), UnauthorizedException, 401);
    await throwsTyped(doomed.authorization.createResource({ organizationId: f.a, resourceTypeSlug: t.workspace, externalId: "late", name: "Late" }), UnauthorizedException, 401);
  });
});
