/**
 * Recorded removal of rows that depend on something being deleted (a
 * resource subtree, a subject, an organization). Each removed row gets its own
 * change-log row: the decision engine keeps its index fresh by replaying them.
 */
import { and, eq, inArray, type SQL } from "drizzle-orm";
import { departmentMembers, departments, grants, groupMembers, groups, memberships } from "@/db/schema";
import type { WriteContext } from "@/lib/revisions/write";

export type SubjectType = "user" | "group" | "department" | "role";

export const subjectGrants = (type: SubjectType, ids: string[]) => and(eq(grants.subjectType, type), inArray(grants.subjectId, ids));

export async function removeGrants(w: WriteContext, where: SQL | undefined): Promise<number> {
  const rows = await w.tx.delete(grants).where(where).returning();
  for (const g of rows) w.record({ operation: "delete", entityType: "grant", entityId: g.id, organizationId: g.organizationId, before: g });
  return rows.length;
}

export const groupMemberId = (m: { groupId: string; memberType: string; memberId: string }) => `${m.groupId}/${m.memberType}/${m.memberId}`;

/** `where` may only name group_members columns (it is reused for the delete). */
export async function removeGroupMembers(w: WriteContext, where: SQL | undefined): Promise<number> {
  const rows = await w.tx
    .select({ member: groupMembers, organizationId: groups.organizationId })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(where);
  if (!rows.length) return 0;
  await w.tx.delete(groupMembers).where(where);
  for (const { member, organizationId } of rows) {
    w.record({ operation: "delete", entityType: "group_member", entityId: groupMemberId(member), organizationId, before: member });
  }
  return rows.length;
}

export const departmentMemberId = (m: { departmentId: string; userId: string }) => `${m.departmentId}/${m.userId}`;

/** `where` may only name department_members columns. */
export async function removeDepartmentMembers(w: WriteContext, where: SQL | undefined): Promise<number> {
  const rows = await w.tx
    .select({ member: departmentMembers, organizationId: departments.organizationId })
    .from(departmentMembers)
    .innerJoin(departments, eq(departments.id, departmentMembers.departmentId))
    .where(where);
  if (!rows.length) return 0;
  await w.tx.delete(departmentMembers).where(where);
  for (const { member, organizationId } of rows) {
    w.record({ operation: "delete", entityType: "department_member", entityId: departmentMemberId(member), organizationId, before: member });
  }
  return rows.length;
}

export async function removeMemberships(w: WriteContext, where: SQL | undefined): Promise<number> {
  const rows = await w.tx.delete(memberships).where(where).returning();
  for (const m of rows) w.record({ operation: "delete", entityType: "membership", entityId: m.id, organizationId: m.organizationId, before: m });
  return rows.length;
}
