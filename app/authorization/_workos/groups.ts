/**
 * The SDK's groups module (`/organizations/{org}/groups/...`): groups of an
 * organization, whose members are organization memberships — in Arbor, the
 * memberships' users.
 */
import { z } from "zod";
import { notFound, parseWith } from "@/lib/shared/errors";
import { addGroupMember, createGroup, deleteGroup, getGroup, removeGroupMember, updateGroup } from "@/lib/subjects/groups";
import { getMembership } from "@/lib/subjects/memberships";
import { pageGroupMemberships, pageOrganizationGroups } from "@/lib/subjects/group-pages";
import { json, noContent, type WorkosContext } from "./adapter";
import { listBody, windowOf } from "./paging";
import { organizationOf } from "./load";
import { toAuthzMembership, toGroup } from "./shapes";

const text = z.string();
const createSchema = z.object({ name: text, description: text.nullable().optional() });
const updateSchema = z.object({ name: text.optional(), description: text.nullable().optional() });
const addMemberSchema = z.object({ organization_membership_id: text });

type OrgParams = { organizationId: string };
type GroupParams = OrgParams & { groupId: string };

/** The group named in the path, which must belong to the organization named before it. */
async function groupIn(ctx: WorkosContext<GroupParams>) {
  const organization = await organizationOf(ctx.db, ctx.params.organizationId);
  const group = await getGroup(ctx.db, ctx.params.groupId, { organization: organization.id }, "group_id");
  if (group.organizationId !== organization.id) throw notFound("group", ctx.params.groupId, "group_id");
  return { organization, group };
}

/** A membership of the group's organization, by id. */
async function memberIn(ctx: WorkosContext<unknown>, organizationId: string, membershipId: string) {
  const membership = await getMembership(ctx.db, membershipId);
  if (membership.organizationId !== organizationId) throw notFound("membership", membershipId, "organization_membership_id");
  return membership;
}

export async function createWorkosGroup(ctx: WorkosContext<OrgParams>) {
  const body = parseWith(createSchema, await ctx.body());
  const organization = await organizationOf(ctx.db, ctx.params.organizationId);
  const { value } = await createGroup(ctx.db, ctx.actor, { organizationId: organization.id, name: body.name, description: body.description ?? undefined });
  return json(toGroup(value), 201);
}

export async function listWorkosGroups(ctx: WorkosContext<OrgParams>) {
  const window = windowOf(ctx.query);
  const organization = await organizationOf(ctx.db, ctx.params.organizationId);
  return json(listBody(await pageOrganizationGroups(ctx.db, organization.id, window), toGroup));
}

export const getWorkosGroup = async (ctx: WorkosContext<GroupParams>) => json(toGroup((await groupIn(ctx)).group));

export async function updateWorkosGroup(ctx: WorkosContext<GroupParams>) {
  const body = parseWith(updateSchema, await ctx.body());
  const { group } = await groupIn(ctx);
  return json(toGroup((await updateGroup(ctx.db, ctx.actor, group.id, body)).value));
}

export async function deleteWorkosGroup(ctx: WorkosContext<GroupParams>) {
  const { group } = await groupIn(ctx);
  await deleteGroup(ctx.db, ctx.actor, group.id);
  return noContent();
}

export async function addWorkosGroupMember(ctx: WorkosContext<GroupParams>) {
  const body = parseWith(addMemberSchema, await ctx.body());
  const { organization, group } = await groupIn(ctx);
  const membership = await memberIn(ctx, organization.id, body.organization_membership_id);
  await addGroupMember(ctx.db, ctx.actor, group.id, { type: "user", id: membership.userId });
  return json(toGroup(group), 201);
}

export async function listWorkosGroupMembers(ctx: WorkosContext<GroupParams>) {
  const window = windowOf(ctx.query);
  const { organization, group } = await groupIn(ctx);
  return json(listBody(await pageGroupMemberships(ctx.db, group.id, organization.id, window), (m) => toAuthzMembership(m, organization.name)));
}

export async function removeWorkosGroupMember(ctx: WorkosContext<GroupParams & { membershipId: string }>) {
  const { organization, group } = await groupIn(ctx);
  const membership = await memberIn(ctx, organization.id, ctx.params.membershipId);
  await removeGroupMember(ctx.db, ctx.actor, group.id, { type: "user", id: membership.userId });
  return noContent();
}
