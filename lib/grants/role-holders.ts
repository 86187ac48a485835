/**
 * Roles held organization-wide: an assignment of the role on the
 * organization's root resource (SPEC: a role as a principal is everyone who
 * holds it in that organization). Assigning or revoking several at once is
 * one transaction; both are idempotent.
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { grants } from "@/db/schema";
import { write } from "@/lib/revisions/write";
import { rootResource, type Organization } from "@/lib/organizations/service";
import { removeGrants } from "@/lib/subjects/cleanup";
import { assignInTx } from "./assignments";
import { findEqual, resolveGrant } from "./service";

export type RoleHolding = { subject: string; role: string };

const input = (organization: Organization, rootId: string, h: RoleHolding) => ({
  subject: h.subject,
  role: h.role,
  resource: rootId,
  organization: organization.id,
});

export async function assignRolesOrganizationWide(db: Database, actor: string, organization: Organization, holdings: RoleHolding[]) {
  const root = await rootResource(db, organization);
  return write(db, actor, async (w) => {
    for (const h of holdings) await assignInTx(w, input(organization, root.id, h));
  });
}

export async function revokeRolesOrganizationWide(db: Database, actor: string, organization: Organization, holdings: RoleHolding[]) {
  const root = await rootResource(db, organization);
  return write(db, actor, async (w) => {
    for (const h of holdings) {
      const matches = await findEqual(w.tx, await resolveGrant(w.tx, input(organization, root.id, h)));
      if (matches.length) await removeGrants(w, inArray(grants.id, matches.map((m) => m.id)));
    }
  });
}

const heldOnRoot = (organizationId: string, rootId: string) =>
  and(eq(grants.organizationId, organizationId), eq(grants.resourceId, rootId), eq(grants.effect, "allow"), isNull(grants.conditions));

/** Ids of the roles a subject holds itself (not through its groups or departments), organization-wide. */
export async function rolesHeldBy(db: Queryable, organization: Organization, subject: { type: string; id: string }): Promise<string[]> {
  const root = await rootResource(db, organization);
  const rows = await db
    .select({ roleId: grants.roleId })
    .from(grants)
    .where(and(heldOnRoot(organization.id, root.id), eq(grants.subjectType, subject.type), eq(grants.subjectId, subject.id)))
    .orderBy(asc(grants.id));
  return [...new Set(rows.flatMap((r) => (r.roleId ? [r.roleId] : [])))];
}

/** The subjects holding a role themselves, organization-wide, in assignment order. */
export async function holdersOf(db: Queryable, organization: Organization, roleId: string): Promise<{ type: string; id: string }[]> {
  const root = await rootResource(db, organization);
  const rows = await db
    .select({ type: grants.subjectType, id: grants.subjectId })
    .from(grants)
    .where(and(heldOnRoot(organization.id, root.id), eq(grants.roleId, roleId)))
    .orderBy(asc(grants.id));
  return rows;
}
