/**
 * WorkOS SDK, environment roles, organization roles and permissions
 * (contract §4 rows 1–19), through the real `@workos-inc/node` client.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ConflictException, NotFoundException, UnprocessableEntityException } from "@workos-inc/node";
import { unique } from "./client";
import { resourceTypes, throwsTyped, workos } from "./workos-fixtures";

const w = workos();
let types: { workspace: string; project: string };
let orgId: string;
let view: string; // `${project}:view`
let edit: string; // `${project}:edit`
let wsView: string; // `${workspace}:view`

before(async () => {
  types = await resourceTypes("workspace", "project");
  orgId = (await w.organizations.createOrganization({ name: unique("Roles org ") })).id;
  [view, edit, wsView] = [`${types.project}:view`, `${types.project}:edit`, `${types.workspace}:view`];
  for (const slug of [view, edit, wsView]) await w.authorization.createPermission({ slug, name: slug });
});

describe("WorkOS SDK: environment roles", () => {
  test("createEnvironmentRole, getEnvironmentRole, listEnvironmentRoles, updateEnvironmentRole", async () => {
    const slug = unique("ws-admin-");
    const created = await w.authorization.createEnvironmentRole({ slug, name: "Workspace admin", description: "all of it", resourceTypeSlug: types.workspace });
    assert.equal(created.object, "role");
    assert.match(created.id, /^role_/);
    assert.deepEqual(
      [created.slug, created.name, created.description, created.resourceTypeSlug, created.type, created.permissions],
      [slug, "Workspace admin", "all of it", types.workspace, "EnvironmentRole", []],
    );
    assert.ok(!Number.isNaN(Date.parse(created.createdAt)));

    const fetched = await w.authorization.getEnvironmentRole(slug);
    assert.deepEqual(fetched, created);

    const list = await w.authorization.listEnvironmentRoles();
    assert.equal(list.object, "list");
    assert.ok(list.data.some((r) => r.slug === slug && r.type === "EnvironmentRole"));
    assert.ok(list.data.every((r) => r.type === "EnvironmentRole"), "only environment roles");

    const updated = await w.authorization.updateEnvironmentRole(slug, { name: "WS admin", description: null });
    assert.deepEqual([updated.name, updated.description, updated.slug], ["WS admin", null, slug]);

    const plain = await w.authorization.createEnvironmentRole({ slug: unique("member-"), name: "Member" });
    assert.equal(plain.resourceTypeSlug, "organization", "a role without a resource type is organization-level");
  });

  test("setEnvironmentRolePermissions replaces the set; addEnvironmentRolePermission adds once", async () => {
    const slug = unique("perm-role-");
    await w.authorization.createEnvironmentRole({ slug, name: "Perm role" });
    const set = await w.authorization.setEnvironmentRolePermissions(slug, { permissions: [view, edit] });
    assert.deepEqual([...set.permissions].sort(), [edit, view].sort());
    const replaced = await w.authorization.setEnvironmentRolePermissions(slug, { permissions: [edit] });
    assert.deepEqual(replaced.permissions, [edit]);
    const added = await w.authorization.addEnvironmentRolePermission(slug, { permissionSlug: wsView });
    assert.deepEqual([...added.permissions].sort(), [edit, wsView].sort());
    const again = await w.authorization.addEnvironmentRolePermission(slug, { permissionSlug: wsView });
    assert.deepEqual([...again.permissions].sort(), [edit, wsView].sort(), "adding a present permission is a no-op");
    assert.deepEqual([...(await w.authorization.getEnvironmentRole(slug)).permissions].sort(), [edit, wsView].sort());
  });

  test("errors: a duplicate slug is a conflict, an unknown role or permission is not found, a bad slug is unprocessable", async () => {
    const slug = unique("dup-");
    await w.authorization.createEnvironmentRole({ slug, name: "Dup" });
    await throwsTyped(w.authorization.createEnvironmentRole({ slug, name: "Dup again" }), ConflictException);
    await throwsTyped(w.authorization.getEnvironmentRole(unique("missing-")), NotFoundException);
    await throwsTyped(w.authorization.addEnvironmentRolePermission(slug, { permissionSlug: `${types.project}:nothing` }), NotFoundException);
    await throwsTyped(w.authorization.createEnvironmentRole({ slug: "Not A Slug", name: "x" }), UnprocessableEntityException);
    await throwsTyped(w.authorization.createEnvironmentRole({ slug: unique("t-"), name: "x", resourceTypeSlug: "no-such-type" }), NotFoundException);
  });
});

describe("WorkOS SDK: organization roles", () => {
  test("createOrganizationRole, listOrganizationRoles, getOrganizationRole, updateOrganizationRole", async () => {
    const envSlug = unique("env-");
    await w.authorization.createEnvironmentRole({ slug: envSlug, name: "Env" });
    const slug = unique("org-billing-");
    const created = await w.authorization.createOrganizationRole(orgId, { slug, name: "Billing", description: "pays", resourceTypeSlug: types.project });
    assert.deepEqual([created.slug, created.name, created.description, created.resourceTypeSlug, created.type], [slug, "Billing", "pays", types.project, "OrganizationRole"]);

    const derived = await w.authorization.createOrganizationRole(orgId, { name: "Support Desk 2" });
    assert.equal(derived.slug, "support-desk-2", "without a slug, one is made from the name");

    const list = await w.authorization.listOrganizationRoles(orgId);
    const bySlug = new Map(list.data.map((r) => [r.slug, r]));
    assert.equal(bySlug.get(slug)?.type, "OrganizationRole");
    assert.equal(bySlug.get(envSlug)?.type, "EnvironmentRole", "environment roles are listed with the organization's");

    assert.equal((await w.authorization.getOrganizationRole(orgId, slug)).name, "Billing");
    const env = await w.authorization.getOrganizationRole(orgId, envSlug);
    assert.deepEqual([env.slug, env.type], [envSlug, "EnvironmentRole"]);

    const updated = await w.authorization.updateOrganizationRole(orgId, slug, { name: "Billing 2", description: null });
    assert.deepEqual([updated.name, updated.description], ["Billing 2", null]);
    assert.equal((await w.authorization.getOrganizationRole(orgId, slug)).name, "Billing 2");

    // Environment roles are not the organization's to change; another organization does not see this one.
    await throwsTyped(w.authorization.updateOrganizationRole(orgId, envSlug, { name: "x" }), NotFoundException);
    const other = await w.organizations.createOrganization({ name: unique("Other ") });
    await throwsTyped(w.authorization.getOrganizationRole(other.id, slug), NotFoundException);
    await throwsTyped(w.authorization.createOrganizationRole(orgId, { slug: envSlug, name: "clash" }), ConflictException);
    await throwsTyped(w.authorization.listOrganizationRoles("org_missing"), NotFoundException);
  });

  test("setOrganizationRolePermissions, addOrganizationRolePermission, removeOrganizationRolePermission", async () => {
    const slug = unique("org-perms-");
    await w.authorization.createOrganizationRole(orgId, { slug, name: "Perms" });
    const set = await w.authorization.setOrganizationRolePermissions(orgId, slug, { permissions: [view] });
    assert.deepEqual(set.permissions, [view]);
    const added = await w.authorization.addOrganizationRolePermission(orgId, slug, { permissionSlug: edit });
    assert.deepEqual([...added.permissions].sort(), [edit, view].sort());
    await w.authorization.removeOrganizationRolePermission(orgId, slug, { permissionSlug: view });
    assert.deepEqual((await w.authorization.getOrganizationRole(orgId, slug)).permissions, [edit]);
    await throwsTyped(w.authorization.removeOrganizationRolePermission(orgId, slug, { permissionSlug: view }), NotFoundException);
  });

  test("deleteOrganizationRole", async () => {
    const slug = unique("org-gone-");
    await w.authorization.createOrganizationRole(orgId, { slug, name: "Gone" });
    await w.authorization.deleteOrganizationRole(orgId, slug);
    await throwsTyped(w.authorization.getOrganizationRole(orgId, slug), NotFoundException);
    await throwsTyped(w.authorization.deleteOrganizationRole(orgId, slug), NotFoundException);
  });
});

describe("WorkOS SDK: permissions", () => {
  test("createPermission, getPermission, updatePermission, deletePermission", async () => {
    const slug = `${types.project}:${unique("act")}`;
    const created = await w.authorization.createPermission({ slug, name: "Act", description: "acts", resourceTypeSlug: types.project });
    assert.equal(created.object, "permission");
    assert.match(created.id, /^perm_/);
    assert.deepEqual(
      [created.slug, created.name, created.description, created.resourceTypeSlug, created.system],
      [slug, "Act", "acts", types.project, false],
    );
    assert.deepEqual(await w.authorization.getPermission(slug), created);
    const updated = await w.authorization.updatePermission(slug, { name: "Act 2", description: null });
    assert.deepEqual([updated.slug, updated.name, updated.description], [slug, "Act 2", null]);
    await w.authorization.deletePermission(slug);
    await throwsTyped(w.authorization.getPermission(slug), NotFoundException);
    await throwsTyped(w.authorization.deletePermission(slug), NotFoundException);
  });

  test("listPermissions pages by cursor in both orders; autoPagination returns each once", async () => {
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await w.authorization.createPermission({ slug: `${types.workspace}:${unique(`p${i}`)}`, name: `P${i}` })).id);
    const first = await w.authorization.listPermissions({ limit: 2 });
    assert.equal(first.data.length, 2);
    assert.ok(first.data[0].id > first.data[1].id, "default order is desc");
    assert.equal(first.listMetadata.before, null);
    assert.equal(first.listMetadata.after, first.data[1].id);
    const second = await w.authorization.listPermissions({ limit: 2, after: first.listMetadata.after! });
    assert.ok(second.data[0].id < first.data[1].id);
    const back = await w.authorization.listPermissions({ limit: 2, before: second.listMetadata.before! });
    assert.deepEqual(back.data.map((p) => p.id), first.data.map((p) => p.id));

    const asc = await w.authorization.listPermissions({ order: "asc", limit: 100 });
    const ids = asc.data.map((p) => p.id);
    assert.deepEqual(ids, [...ids].sort());
    const all = await (await w.authorization.listPermissions({ order: "asc" })).autoPagination();
    const allIds = all.map((p) => p.id);
    assert.equal(new Set(allIds).size, allIds.length, "no permission twice");
    for (const id of made) assert.ok(allIds.includes(id));
  });

  test("errors: duplicate → conflict; a slug that is not type:action, or disagrees with resource_type_slug → unprocessable; unknown type → not found; in use → conflict", async () => {
    const slug = `${types.project}:${unique("dup")}`;
    await w.authorization.createPermission({ slug, name: "Dup" });
    await throwsTyped(w.authorization.createPermission({ slug, name: "Dup" }), ConflictException);
    await throwsTyped(w.authorization.createPermission({ slug: "nocolon", name: "x" }), UnprocessableEntityException);
    await throwsTyped(w.authorization.createPermission({ slug: `${types.project}:x${unique("")}`, name: "x", resourceTypeSlug: types.workspace }), UnprocessableEntityException);
    await throwsTyped(w.authorization.createPermission({ slug: `nosuchtype${unique("")}:read`, name: "x" }), NotFoundException);
    await throwsTyped(w.authorization.listPermissions({ limit: 101 }), UnprocessableEntityException);
    const role = unique("uses-");
    await w.authorization.createEnvironmentRole({ slug: role, name: "Uses" });
    await w.authorization.setEnvironmentRolePermissions(role, { permissions: [slug] });
    await throwsTyped(w.authorization.deletePermission(slug), ConflictException);
  });
});
