/**
 * The setup calls of the SDK's organizations and userManagement modules
 * (contract §7), so a WorkOS user needs no other tool to get organization,
 * user and membership ids. A membership's `role`/`roles` are its
 * organization-wide role assignments.
 */
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { parseWith } from "@/lib/shared/errors";
import { createOrganization, getOrganization } from "@/lib/organizations/service";
import { createUser, getUser } from "@/lib/subjects/users";
import { deleteMembership, getMembership, type Membership } from "@/lib/subjects/memberships";
import { createMembershipWithRoles, membershipRoleSlugs, setMembershipRoles } from "@/lib/subjects/membership-roles";
import { json, noContent, type WorkosContext } from "./adapter";
import { toMembership, toOrganization, toUser } from "./shapes";

const text = z.string();
const createOrganizationSchema = z.object({ name: text, external_id: text.nullable().optional() });
const createUserSchema = z.object({
  email: text,
  first_name: text.optional(),
  last_name: text.optional(),
  name: text.optional(),
  external_id: text.nullable().optional(),
});
const roleSlugsSchema = { role_slug: text.optional(), role_slugs: z.array(text).optional() };
const createMembershipSchema = z.object({ organization_id: text, user_id: text, ...roleSlugsSchema });
const updateMembershipSchema = z.object(roleSlugsSchema);

type Id = { id: string };

/** `role_slugs` wins over `role_slug`; undefined when the body names no role. */
const slugsOf = (body: { role_slug?: string; role_slugs?: string[] }) => body.role_slugs ?? (body.role_slug !== undefined ? [body.role_slug] : undefined);

async function membershipBody(db: Queryable, membership: Membership) {
  const organization = await getOrganization(db, membership.organizationId);
  return toMembership(membership, organization.name, await membershipRoleSlugs(db, membership));
}

export async function createWorkosOrganization(ctx: WorkosContext<unknown>) {
  const body = parseWith(createOrganizationSchema, await ctx.body());
  const { value } = await createOrganization(ctx.db, ctx.actor, { name: body.name, externalId: body.external_id ?? undefined });
  return json(toOrganization(value), 201);
}

export const getWorkosOrganization = async (ctx: WorkosContext<{ organizationId: string }>) =>
  json(toOrganization(await getOrganization(ctx.db, ctx.params.organizationId)));

export async function createWorkosUser(ctx: WorkosContext<unknown>) {
  const body = parseWith(createUserSchema, await ctx.body());
  const { value } = await createUser(ctx.db, ctx.actor, {
    email: body.email,
    firstName: body.first_name,
    lastName: body.last_name,
    name: body.name ?? ([body.first_name, body.last_name].filter(Boolean).join(" ") || undefined),
    externalId: body.external_id ?? undefined,
  });
  return json(toUser(value), 201);
}

export const getWorkosUser = async (ctx: WorkosContext<Id>) => json(toUser(await getUser(ctx.db, ctx.params.id)));

export async function createWorkosMembership(ctx: WorkosContext<unknown>) {
  const body = parseWith(createMembershipSchema, await ctx.body());
  const { value } = await createMembershipWithRoles(ctx.db, ctx.actor, { userId: body.user_id, organizationId: body.organization_id, roleSlugs: slugsOf(body) ?? [] });
  return json(await membershipBody(ctx.db, value), 201);
}

export const getWorkosMembership = async (ctx: WorkosContext<Id>) => json(await membershipBody(ctx.db, await getMembership(ctx.db, ctx.params.id)));

/** Replaces the organization-wide roles (PUT, as the SDK sends it); a body naming no role changes nothing. */
export async function updateWorkosMembership(ctx: WorkosContext<Id>) {
  const body = parseWith(updateMembershipSchema, await ctx.body());
  const slugs = slugsOf(body);
  const membership = slugs ? (await setMembershipRoles(ctx.db, ctx.actor, ctx.params.id, slugs)).value : await getMembership(ctx.db, ctx.params.id);
  return json(await membershipBody(ctx.db, membership));
}

export async function deleteWorkosMembership(ctx: WorkosContext<Id>) {
  await deleteMembership(ctx.db, ctx.actor, ctx.params.id);
  return noContent();
}
