/**
 * Environment roles (the root scope's roles) and organization roles (an
 * organization's own scope), with their permissions (contract §4, rows 1–14).
 */
import { z } from "zod";
import { invalid, parseWith } from "@/lib/shared/errors";
import { ROOT_SCOPE_ID } from "@/lib/scopes/schemas";
import { createRole, deleteRole, getRole, listRoles, setRolePermissions, updateRole } from "@/lib/roles/service";
import { addRolePermission, removeRolePermission } from "@/lib/roles/permission-links";
import { json, noContent, type WorkosContext } from "./adapter";
import { environmentRole, organizationOf, organizationRole } from "./load";
import { toRole } from "./shapes";

const text = z.string();
const createSchema = z.object({
  slug: text.optional(),
  name: text,
  description: text.nullable().optional(),
  resource_type_slug: text.optional(),
});
const updateSchema = z.object({ name: text.optional(), description: text.nullable().optional() });
const setPermissionsSchema = z.object({ permissions: z.array(text) });
const addPermissionSchema = z.object({ slug: text });

type Slug = { slug: string };
type OrgSlug = { organizationId: string; slug: string };

const roleList = (roles: Parameters<typeof toRole>[0][]) => ({ object: "list" as const, data: roles.map(toRole), list_metadata: { before: null, after: null } });

/** Organization roles may leave the slug out: it is made from the name (`Billing Admin` → `billing-admin`). */
function slugFrom(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 64);
  if (!slug) throw invalid("slug", "required", "slug: give a slug, or a name with letters or digits to make one from");
  return slug;
}

async function create(ctx: WorkosContext<unknown>, scopeId: string, slugRequired: boolean) {
  const body = parseWith(createSchema, await ctx.body());
  if (slugRequired && body.slug === undefined) throw invalid("slug", "required", "slug: required");
  const { value } = await createRole(ctx.db, ctx.actor, {
    slug: body.slug ?? slugFrom(body.name),
    name: body.name,
    description: body.description ?? undefined,
    resourceType: body.resource_type_slug,
    scopeId,
  });
  return json(toRole(value), 201);
}

async function update(ctx: WorkosContext<unknown>, roleId: string) {
  const body = parseWith(updateSchema, await ctx.body());
  return json(toRole((await updateRole(ctx.db, ctx.actor, roleId, body)).value));
}

async function setPermissions(ctx: WorkosContext<unknown>, roleId: string) {
  const body = parseWith(setPermissionsSchema, await ctx.body());
  return json(toRole((await setRolePermissions(ctx.db, ctx.actor, roleId, body)).value));
}

async function addPermission(ctx: WorkosContext<unknown>, roleId: string) {
  const body = parseWith(addPermissionSchema, await ctx.body());
  return json(toRole((await addRolePermission(ctx.db, ctx.actor, roleId, body.slug, "slug")).value));
}

export const createEnvironmentRole = (ctx: WorkosContext<unknown>) => create(ctx, ROOT_SCOPE_ID, true);

export async function listEnvironmentRoles(ctx: WorkosContext<unknown>) {
  return json(roleList(await listRoles(ctx.db, ROOT_SCOPE_ID)));
}

export async function getEnvironmentRole(ctx: WorkosContext<Slug>) {
  return json(toRole(await getRole(ctx.db, (await environmentRole(ctx.db, ctx.params.slug)).id)));
}

export const updateEnvironmentRole = async (ctx: WorkosContext<Slug>) => update(ctx, (await environmentRole(ctx.db, ctx.params.slug)).id);
export const setEnvironmentRolePermissions = async (ctx: WorkosContext<Slug>) => setPermissions(ctx, (await environmentRole(ctx.db, ctx.params.slug)).id);
export const addEnvironmentRolePermission = async (ctx: WorkosContext<Slug>) => addPermission(ctx, (await environmentRole(ctx.db, ctx.params.slug)).id);

export async function createOrganizationRole(ctx: WorkosContext<{ organizationId: string }>) {
  const org = await organizationOf(ctx.db, ctx.params.organizationId);
  return create(ctx, org.scopeId, false);
}

/** The organization's own roles and the environment roles it sees. */
export async function listOrganizationRoles(ctx: WorkosContext<{ organizationId: string }>) {
  const org = await organizationOf(ctx.db, ctx.params.organizationId);
  return json(roleList(await listRoles(ctx.db, org.scopeId)));
}

/** Mutators reach only the organization's own roles; reading also finds environment roles. */
async function ownRole(ctx: WorkosContext<OrgSlug>, options: { orEnvironment?: boolean } = {}) {
  const org = await organizationOf(ctx.db, ctx.params.organizationId);
  return organizationRole(ctx.db, org, ctx.params.slug, options);
}

export async function getOrganizationRole(ctx: WorkosContext<OrgSlug>) {
  return json(toRole(await getRole(ctx.db, (await ownRole(ctx, { orEnvironment: true })).id)));
}

export const updateOrganizationRole = async (ctx: WorkosContext<OrgSlug>) => update(ctx, (await ownRole(ctx)).id);
export const setOrganizationRolePermissions = async (ctx: WorkosContext<OrgSlug>) => setPermissions(ctx, (await ownRole(ctx)).id);
export const addOrganizationRolePermission = async (ctx: WorkosContext<OrgSlug>) => addPermission(ctx, (await ownRole(ctx)).id);

export async function deleteOrganizationRole(ctx: WorkosContext<OrgSlug>) {
  await deleteRole(ctx.db, ctx.actor, (await ownRole(ctx)).id);
  return noContent();
}

export async function removeOrganizationRolePermission(ctx: WorkosContext<OrgSlug & { permissionSlug: string }>) {
  await removeRolePermission(ctx.db, ctx.actor, (await ownRole(ctx)).id, ctx.params.permissionSlug, "permission_slug");
  return noContent();
}
