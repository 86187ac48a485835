/**
 * A membership's organization-level roles (WorkOS `role` / `roles` of an
 * organization membership) are assignments of those roles to its user on the
 * organization's root resource: they apply to everything in the organization.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Database, Queryable } from "@/db/client";
import { grants, memberships, roles } from "@/db/schema";
import { conflict, parseWith } from "@/lib/shared/errors";
import { newId } from "@/lib/shared/ids";
import { write, type WriteContext } from "@/lib/revisions/write";
import { getOrganization, rootResource } from "@/lib/organizations/service";
import { assignInTx, inItem, IS_ASSIGNMENT } from "@/lib/grants/assignments";
import { removeGrants } from "./cleanup";
import type { Membership } from "./refs";
import { createMembershipSchema } from "./schemas";
import { getMembership } from "./memberships";
import { getUser } from "./users";

const roleSlugsSchema = z.array(z.string().min(1).max(100)).max(50);

async function rootAssignments(db: Queryable, membership: Membership) {
  const root = await rootResource(db, await getOrganization(db, membership.organizationId));
  const rows = await db
    .select({ grantId: grants.id, slug: roles.slug })
    .from(grants)
    .innerJoin(roles, eq(roles.id, grants.roleId))
    .where(and(IS_ASSIGNMENT, eq(grants.subjectType, "user"), eq(grants.subjectId, membership.userId), eq(grants.resourceId, root.id)))
    .orderBy(asc(grants.id));
  return { root, rows };
}

/** Role slugs the membership holds organization-wide, oldest assignment first. */
export async function membershipRoleSlugs(db: Queryable, membership: Membership): Promise<string[]> {
  return (await rootAssignments(db, membership)).rows.map((r) => r.slug);
}

/** Makes the organization-wide roles exactly `slugs`: assignments of other roles go, missing ones are added. */
async function setRolesInTx(w: WriteContext, membership: Membership, slugs: string[]) {
  const { root, rows } = await rootAssignments(w.tx, membership);
  const wanted = new Set(slugs);
  const stale = rows.filter((r) => !wanted.has(r.slug)).map((r) => r.grantId);
  if (stale.length) await removeGrants(w, inArray(grants.id, stale));
  const held = new Set(rows.map((r) => r.slug));
  for (const [i, slug] of slugs.entries()) {
    if (held.has(slug)) continue;
    await inItem(`roleSlugs[${i}]`, () => assignInTx(w, { subject: `membership:${membership.id}`, role: slug, resource: root.id }));
    held.add(slug);
  }
}

/** Creates a membership holding these organization-wide roles, in one transaction. */
export async function createMembershipWithRoles(db: Database, actor: string, input: { userId: string; organizationId: string; roleSlugs: string[] }) {
  const data = parseWith(createMembershipSchema, { userId: input.userId, organizationId: input.organizationId });
  const slugs = parseWith(roleSlugsSchema, input.roleSlugs, "roleSlugs");
  return write(db, actor, async (w) => {
    const user = await getUser(w.tx, data.userId, "userId");
    const org = await getOrganization(w.tx, data.organizationId, "organizationId");
    const [clash] = await w.tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.organizationId, org.id)));
    if (clash) throw conflict(`user '${user.id}' is already a member of '${org.id}' (${clash.id})`, "userId");
    const [row] = await w.tx
      .insert(memberships)
      .values({ id: newId("membership"), userId: user.id, organizationId: org.id, status: data.status, createdBy: w.actor })
      .returning();
    w.record({ operation: "create", entityType: "membership", entityId: row.id, organizationId: org.id, after: row });
    await setRolesInTx(w, row, slugs);
    return row;
  });
}

export async function setMembershipRoles(db: Database, actor: string, membershipId: string, roleSlugs: string[]) {
  const slugs = parseWith(roleSlugsSchema, roleSlugs, "roleSlugs");
  return write(db, actor, async (w) => {
    const membership = await getMembership(w.tx, membershipId);
    await setRolesInTx(w, membership, slugs);
    return membership;
  });
}
