/**
 * Role assignments of organization memberships (contract §4, rows 29–34):
 * grants of a role to the membership's user, on a resource of the
 * membership's organization.
 */
import { z } from "zod";
import { invalid, parseWith } from "@/lib/shared/errors";
import { findRole } from "@/lib/roles/service";
import { revokeGrantByValue } from "@/lib/grants/service";
import { assignRole, listAssignments, revokeAssignment } from "@/lib/grants/assignments";
import type { Resource } from "@/lib/resources/refs";
import { resolveResourceRef } from "@/lib/resources/refs";
import { getOrganization } from "@/lib/organizations/service";
import { json, noContent, type WorkosContext } from "./adapter";
import { listBody, windowOf } from "./paging";
import { chosenResource, membershipOf, resourceById, resourceByKey } from "./load";
import { toRoleAssignment } from "./shapes";

const text = z.string();
export const resourceChoiceSchema = z.object({
  resource_id: text.optional(),
  resource_external_id: text.optional(),
  resource_type_slug: text.optional(),
});
export const roleOnResourceSchema = resourceChoiceSchema.extend({ role_slug: text });

type Membership = { membershipId: string };

/** The resource an assignment body names: required for membership assignments. */
export function requiredResource(body: z.infer<typeof resourceChoiceSchema>): string {
  const ref = chosenResource(body);
  if (!ref) throw invalid("resource_id", "required", "resource_id: give resource_id, or resource_external_id with resource_type_slug");
  return ref;
}

export async function listMembershipRoleAssignments(ctx: WorkosContext<Membership>) {
  const q = parseWith(resourceChoiceSchema, ctx.query);
  const window = windowOf(ctx.query);
  const { membership } = await membershipOf(ctx.db, ctx.params.membershipId);
  const ref = chosenResource(q);
  const resource = ref ? await resolveResourceRef(ctx.db, ref, { organization: membership.organizationId, field: "resource_id" }) : undefined;
  const page = await listAssignments(ctx.db, { subject: "membership", membershipId: membership.id, resourceId: resource?.id }, window);
  return json(listBody(page, toRoleAssignment));
}

export async function assignMembershipRole(ctx: WorkosContext<Membership>) {
  const body = parseWith(roleOnResourceSchema, await ctx.body());
  const { membership } = await membershipOf(ctx.db, ctx.params.membershipId);
  const { value } = await assignRole(ctx.db, ctx.actor, {
    subject: membership.id,
    role: body.role_slug,
    resource: requiredResource(body),
    organization: membership.organizationId,
  });
  return json(toRoleAssignment(value.assignment), value.created ? 201 : 200);
}

export async function removeMembershipRole(ctx: WorkosContext<Membership>) {
  const body = parseWith(roleOnResourceSchema, await ctx.body());
  const { membership } = await membershipOf(ctx.db, ctx.params.membershipId);
  await revokeGrantByValue(ctx.db, ctx.actor, {
    subject: membership.id,
    role: body.role_slug,
    resource: requiredResource(body),
    organization: membership.organizationId,
  });
  return noContent();
}

export async function removeMembershipRoleAssignment(ctx: WorkosContext<Membership & { assignmentId: string }>) {
  const { membership } = await membershipOf(ctx.db, ctx.params.membershipId);
  await revokeAssignment(ctx.db, ctx.actor, ctx.params.assignmentId, { subject: "membership", membershipId: membership.id });
  return noContent();
}

const roleFilterSchema = z.object({ role_slug: text.optional() });

async function listOnResource(ctx: WorkosContext<unknown>, resource: Resource) {
  const q = parseWith(roleFilterSchema, ctx.query);
  const window = windowOf(ctx.query);
  const org = await getOrganization(ctx.db, resource.organizationId);
  const role = q.role_slug !== undefined ? await findRole(ctx.db, q.role_slug, org.scopeId, "role_slug") : undefined;
  const page = await listAssignments(ctx.db, { subject: "membership", resourceId: resource.id, roleId: role?.id }, window);
  return json(listBody(page, toRoleAssignment));
}

export const listRoleAssignmentsForResource = async (ctx: WorkosContext<{ resourceId: string }>) =>
  listOnResource(ctx, await resourceById(ctx.db, ctx.params.resourceId));

export const listResourceRoleAssignments = async (ctx: WorkosContext<{ organizationId: string; typeSlug: string; externalId: string }>) =>
  listOnResource(ctx, await resourceByKey(ctx.db, ctx.params.organizationId, ctx.params.typeSlug, ctx.params.externalId));
