/** The groups a user is a direct member of, within one organization (its own groups and environment-wide ones). */
import { and, asc, eq, isNull, or } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { groupMembers, groups } from "@/db/schema";
import type { Group } from "./refs";

export async function groupsOfUser(db: Queryable, userId: string, organizationId: string): Promise<Group[]> {
  const rows = await db
    .select({ group: groups })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(
      and(
        eq(groupMembers.memberType, "user"),
        eq(groupMembers.memberId, userId),
        or(eq(groups.organizationId, organizationId), isNull(groups.organizationId)),
      ),
    )
    .orderBy(asc(groups.id));
  return rows.map((r) => r.group);
}
