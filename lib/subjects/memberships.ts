/** Organization memberships (`om_…`): a user in an organization, as WorkOS identifies subjects. */
import { and, asc, eq, gt } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { memberships } from "@/db/schema";
import { conflict, parseWith } from "@/lib/shared/errors";
import { newId } from "@/lib/shared/ids";
import { toPage, type Page } from "@/lib/shared/paging";
import { write } from "@/lib/revisions/write";
import { getOrganization } from "@/lib/organizations/service";
import { tenantRows } from "@/lib/tenancy/rules";
import { removeMemberships } from "./cleanup";
import { resolveMembership, type Membership } from "./refs";
import { createMembershipSchema, listMembershipsQuerySchema } from "./schemas";
import { getUser } from "./users";

export type { Membership } from "./refs";

export async function createMembership(db: Database, actor: string, input: unknown) {
  const data = parseWith(createMembershipSchema, input);
  return write(db, actor, async ({ tx, record }) => {
    const user = await getUser(tx, data.userId, "userId");
    const org = await getOrganization(tx, data.organizationId, "organizationId");
    const [clash] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.organizationId, org.id)));
    if (clash) throw conflict(`user '${user.id}' is already a member of '${org.id}' (${clash.id})`, "userId");
    const [row] = await tx
      .insert(memberships)
      .values({ id: newId("membership"), userId: user.id, organizationId: org.id, status: data.status, createdBy: actor })
      .returning();
    record({ operation: "create", entityType: "membership", entityId: row.id, organizationId: org.id, after: row });
    return row;
  });
}

export async function getMembership(db: Queryable, id: string): Promise<Membership> {
  return resolveMembership(db, id.startsWith("membership:") ? id.slice("membership:".length) : id, { field: "id" });
}

/** Memberships of an organization, of a user, or both. */
export async function listMemberships(db: Queryable, query: unknown): Promise<Page<Membership>> {
  const q = parseWith(listMembershipsQuerySchema, query);
  const org = q.organization ? await getOrganization(db, q.organization, "organization") : undefined;
  const user = q.user ? await getUser(db, q.user, "user") : undefined;
  const rows = await db
    .select()
    .from(memberships)
    .where(
      and(
        org ? eq(memberships.organizationId, org.id) : tenantRows(memberships.organizationId),
        user ? eq(memberships.userId, user.id) : undefined,
        q.cursor ? gt(memberships.id, q.cursor) : undefined,
      ),
    )
    .orderBy(asc(memberships.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, (r) => r.id);
}

/** Ends the membership only: the user's grants and group memberships stay (they do not depend on it). */
export async function deleteMembership(db: Database, actor: string, id: string) {
  return write(db, actor, async (w) => {
    const membership = await getMembership(w.tx, id);
    await removeMemberships(w, eq(memberships.id, membership.id));
    return membership;
  });
}
