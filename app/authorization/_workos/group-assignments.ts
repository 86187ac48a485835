/**
 * Role assignments of groups (contract §4, rows 35–40): grants of a role to
 * the group. Without a resource the assignment is on the group's
 * organization itself (its root resource), so it reaches everything in it.
 */
import { z } from "zod";
import { ArborError, invalid, parseWith } from "@/lib/shared/errors";
import { createGrant, revokeGrantByValue } from "@/lib/grants/service";
import { getAssignment, listAssignments, replaceGroupAssignments, revokeAssignment } from "@/lib/grants/assignments";
import { getGroup, type Group } from "@/lib/subjects/groups";
import { json, noContent, type WorkosContext } from "./adapter";
import { listBody, windowOf } from "./paging";
import { chosenResource, resourceKeyRef } from "./load";
import { roleOnResourceSchema } from "./assignments";
import { ORGANIZATION_TYPE, toGroupRoleAssignment } from "./shapes";

type GroupParams = { groupId: string };
type AssignmentParams = GroupParams & { assignmentId: string };

const MAX_REPLACE = 100;
const replaceSchema = z.object({ role_assignments: z.array(roleOnResourceSchema).max(MAX_REPLACE) });

const groupOf = (ctx: WorkosContext<GroupParams>) => getGroup(ctx.db, ctx.params.groupId, {}, "group_id");

/** The grant input for one assignment; no resource means the group's organization. */
function grantInput(group: Group, body: z.infer<typeof roleOnResourceSchema>) {
  const resource = chosenResource(body) ?? (group.organizationId ? resourceKeyRef(ORGANIZATION_TYPE, group.organizationId) : undefined);
  if (!resource) throw invalid("resource_id", "required", "resource_id: this group belongs to no organization, so the assignment needs a resource");
  return { subject: group.id, role: body.role_slug, resource, organization: group.organizationId ?? undefined };
}

export async function listGroupRoleAssignments(ctx: WorkosContext<GroupParams>) {
  const window = windowOf(ctx.query);
  const group = await groupOf(ctx);
  return json(listBody(await listAssignments(ctx.db, { subject: "group", groupId: group.id }, window), toGroupRoleAssignment));
}

export async function getGroupRoleAssignment(ctx: WorkosContext<AssignmentParams>) {
  const group = await groupOf(ctx);
  return json(toGroupRoleAssignment(await getAssignment(ctx.db, ctx.params.assignmentId, { subject: "group", groupId: group.id })));
}

/** Unlike a membership's, assigning a group a role it already has is a conflict (the SDK documents a 409 here). */
export async function createGroupRoleAssignment(ctx: WorkosContext<GroupParams>) {
  const body = parseWith(roleOnResourceSchema, await ctx.body());
  const group = await groupOf(ctx);
  const { value } = await createGrant(ctx.db, ctx.actor, grantInput(group, body));
  return json(toGroupRoleAssignment(await getAssignment(ctx.db, value.id, { subject: "group", groupId: group.id })), 201);
}

export async function removeGroupRoleAssignment(ctx: WorkosContext<AssignmentParams>) {
  const group = await groupOf(ctx);
  await revokeAssignment(ctx.db, ctx.actor, ctx.params.assignmentId, { subject: "group", groupId: group.id });
  return noContent();
}

export async function removeGroupRoleAssignments(ctx: WorkosContext<GroupParams>) {
  const body = parseWith(roleOnResourceSchema, await ctx.body());
  const group = await groupOf(ctx);
  await revokeGrantByValue(ctx.db, ctx.actor, grantInput(group, body));
  return noContent();
}

/** Item errors name the item as the wire does (`role_assignments[2].role_slug`). */
function itemError(error: unknown, rename: (field: string) => string): never {
  if (!(error instanceof ArborError)) throw error;
  throw new ArborError(error.kind, error.message, error.issues.map((i) => ({ ...i, field: rename(i.field) })));
}

export async function replaceGroupRoleAssignments(ctx: WorkosContext<GroupParams>) {
  const body = parseWith(replaceSchema, await ctx.body());
  const group = await groupOf(ctx);
  const inputs = body.role_assignments.map((item, i) => {
    try {
      return grantInput(group, item);
    } catch (error) {
      return itemError(error, (field) => `role_assignments[${i}].${field}`);
    }
  });
  // The domain names a failing item `[2].role`.
  const { value } = await replaceGroupAssignments(ctx.db, ctx.actor, group.id, inputs).catch((error: unknown) =>
    itemError(error, (field) => (field.startsWith("[") ? `role_assignments${field}` : field)),
  );
  return json({ object: "list", data: value.map(toGroupRoleAssignment), list_metadata: { before: null, after: null } });
}
