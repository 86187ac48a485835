/**
 * Access checks and discovery (contract §4, rows 28 and 41–45). Every answer
 * comes from the decision engine (lib/access); this module only names the
 * membership, the resource and the permission slug.
 */
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { parseWith } from "@/lib/shared/errors";
import { actionRefSchema } from "@/lib/access/schemas";
import { checkAsMember } from "@/lib/access/check";
import { effectivePermissions, membershipsWithAccess, permittedChildren } from "@/lib/access/discovery";
import { getOrganization, rootResource } from "@/lib/organizations/service";
import { resolveResourceRef, type Resource } from "@/lib/resources/refs";
import { resourcesByIds } from "@/lib/resources/keyset";
import { typeKeys } from "@/lib/resources/types";
import { json, type WorkosContext } from "./adapter";
import { listBody, pageOfAll, windowOf } from "./paging";
import { membershipOf, resourceById, resourceByKey, resourceKeyRef, resourceIdRef, shapeResources } from "./load";
import { requiredResource, resourceChoiceSchema } from "./assignments";
import { toAuthzMembership, toPermission } from "./shapes";

const permissionSlug = { permission_slug: actionRefSchema };
const checkSchema = resourceChoiceSchema.extend(permissionSlug);

type MembershipParams = { membershipId: string };
type KeyParams = { organizationId: string; typeSlug: string; externalId: string };

const inOrganization = (db: Queryable, ref: string, organizationId: string, field = "resource_id") => resolveResourceRef(db, ref, { organization: organizationId, field });

// Answered from the engine's memory, no database read: an application asks this on every request it serves.
export async function checkMembership(ctx: WorkosContext<MembershipParams>) {
  const body = parseWith(checkSchema, await ctx.body());
  const { allowed } = await checkAsMember(ctx.db, { membership: ctx.params.membershipId, action: body.permission_slug, resource: requiredResource(body), field: "resource_id" });
  return json({ authorized: allowed });
}

const resourcesForSchema = z.object({
  ...permissionSlug,
  parent_resource_id: z.string().optional(),
  parent_resource_type_slug: z.string().optional(),
  parent_resource_external_id: z.string().optional(),
});

/** Direct children of the parent (the organization itself when none is named) on which the membership has the permission. */
export async function listResourcesForMembership(ctx: WorkosContext<MembershipParams>) {
  const q = parseWith(resourcesForSchema, ctx.query);
  const window = windowOf(ctx.query);
  const { membership, organization } = await membershipOf(ctx.db, ctx.params.membershipId);
  const parent =
    q.parent_resource_id !== undefined
      ? await inOrganization(ctx.db, resourceIdRef(q.parent_resource_id, "parent_resource_id"), organization.id, "parent_resource_id")
      : q.parent_resource_type_slug !== undefined && q.parent_resource_external_id !== undefined
        ? await inOrganization(ctx.db, resourceKeyRef(q.parent_resource_type_slug, q.parent_resource_external_id), organization.id, "parent_resource_external_id")
        : await rootResource(ctx.db, organization);
  const ids = await permittedChildren(ctx.db, { subject: membership.id, action: q.permission_slug, parentId: parent.id, organization: organization.id });
  const page = await pageOfAll(ids.map((id) => ({ id })), window);
  const data = await shapeResources(ctx.db, await resourcesByIds(ctx.db, page.data.map((r) => r.id)));
  return json({ object: "list", data, list_metadata: { before: page.before, after: page.after } });
}

const membershipsForSchema = z.object({ ...permissionSlug, assignment: z.enum(["direct", "indirect"]).optional() });

/**
 * Memberships with the permission on the resource. `assignment=direct`
 * (the hosted default) counts only assignments on the resource itself;
 * `indirect` also those on ancestors, through groups and organization roles.
 */
async function membershipsFor(ctx: WorkosContext<unknown>, resource: Resource) {
  const q = parseWith(membershipsForSchema, ctx.query);
  const window = windowOf(ctx.query);
  const organization = await getOrganization(ctx.db, resource.organizationId);
  const found = await membershipsWithAccess(ctx.db, {
    resourceId: resource.id,
    action: q.permission_slug,
    organizationId: organization.id,
    assignment: q.assignment === "indirect" ? "inherited" : "direct",
  });
  return json(listBody(await pageOfAll(found, window), (m) => toAuthzMembership(m, organization.name)));
}

export const listMembershipsForResource = async (ctx: WorkosContext<{ resourceId: string }>) => membershipsFor(ctx, await resourceById(ctx.db, ctx.params.resourceId));
export const listMembershipsForResourceByExternalId = async (ctx: WorkosContext<KeyParams>) =>
  membershipsFor(ctx, await resourceByKey(ctx.db, ctx.params.organizationId, ctx.params.typeSlug, ctx.params.externalId));

/** Permissions the membership effectively has on the resource, inherited ones included. */
async function effectiveFor(ctx: WorkosContext<unknown>, membershipId: string, resourceRef: string) {
  const window = windowOf(ctx.query);
  const { membership, organization } = await membershipOf(ctx.db, membershipId);
  const resource = await inOrganization(ctx.db, resourceRef, organization.id);
  const type = (await typeKeys(ctx.db, [resource.resourceTypeId])).get(resource.resourceTypeId)!;
  const permissions = await effectivePermissions(ctx.db, {
    subject: membership.id,
    resource: { id: resource.id, externalId: resource.externalId, type },
    organizationScopeId: organization.scopeId,
  });
  return json(listBody(await pageOfAll(permissions, window), toPermission));
}

export const listEffectivePermissions = (ctx: WorkosContext<{ resourceId: string; membershipId: string }>) =>
  effectiveFor(ctx, ctx.params.membershipId, resourceIdRef(ctx.params.resourceId));
export const listEffectivePermissionsByExternalId = (ctx: WorkosContext<MembershipParams & { typeSlug: string; externalId: string }>) =>
  effectiveFor(ctx, ctx.params.membershipId, resourceKeyRef(ctx.params.typeSlug, ctx.params.externalId));
