/**
 * Groups and their members as keyset pages in either direction (WorkOS
 * lists). Members are shown as organization memberships: the users directly
 * in the group, each named by their membership in the organization; members
 * without a membership there are not listed.
 */
import { and, asc, desc, eq, gt, lt } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { groupMembers, groups, memberships } from "@/db/schema";
import { keysetPage, type KeysetPage, type KeysetWindow } from "@/lib/shared/keyset";
import type { Group, Membership } from "./refs";

export async function pageOrganizationGroups(db: Queryable, organizationId: string, window: KeysetWindow): Promise<KeysetPage<Group>> {
  return keysetPage(window, (g) => g.id, (from, direction, limit) =>
    db
      .select()
      .from(groups)
      .where(and(eq(groups.organizationId, organizationId), from === undefined ? undefined : direction === "asc" ? gt(groups.id, from) : lt(groups.id, from)))
      .orderBy(direction === "asc" ? asc(groups.id) : desc(groups.id))
      .limit(limit),
  );
}

export async function pageGroupMemberships(db: Queryable, groupId: string, organizationId: string, window: KeysetWindow): Promise<KeysetPage<Membership>> {
  return keysetPage(window, (m) => m.id, async (from, direction, limit) => {
    const rows = await db
      .select({ membership: memberships })
      .from(groupMembers)
      .innerJoin(memberships, and(eq(memberships.userId, groupMembers.memberId), eq(memberships.organizationId, organizationId)))
      .where(
        and(
          eq(groupMembers.groupId, groupId),
          eq(groupMembers.memberType, "user"),
          from === undefined ? undefined : direction === "asc" ? gt(memberships.id, from) : lt(memberships.id, from),
        ),
      )
      .orderBy(direction === "asc" ? asc(memberships.id) : desc(memberships.id))
      .limit(limit);
    return rows.map((r) => r.membership);
  });
}
