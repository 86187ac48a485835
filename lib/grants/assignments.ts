/**
 * Role assignments: the grants that read as "subject holds role R on resource
 * X" — allow, a role, one resource (not a pattern), no conditions. Other
 * grants still take part in every decision; they just are not assignments.
 * A user's assignment belongs to the user's membership in the grant's
 * organization (the WorkOS view of subjects); a group's to the group.
 */
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, type SQL } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { grants, memberships, resources, resourceTypes, roles } from "@/db/schema";
import { ArborError, invalid, notFound } from "@/lib/shared/errors";
import { newId } from "@/lib/shared/ids";
import { keysetPage, type KeysetPage, type KeysetWindow } from "@/lib/shared/keyset";
import { write, type WriteContext } from "@/lib/revisions/write";
import { removeGrants } from "@/lib/subjects/cleanup";
import { findEqual, resolveGrant, withRoleSlugs, type GrantValue } from "./service";

export type Assignment = {
  id: string;
  organizationId: string;
  subjectType: "user" | "group";
  subjectId: string;
  /** For a user's assignment: the user's membership in the organization (null when it has none). */
  membershipId: string | null;
  roleSlug: string;
  resource: { id: string; externalId: string; type: string };
  createdAt: Date;
};

/** Whose assignments: a membership's, any member's (of one resource), or a group's; optionally on one resource, of one role. */
export type AssignmentFilter =
  | { subject: "membership"; membershipId?: string; resourceId?: string; roleId?: string }
  | { subject: "group"; groupId: string; resourceId?: string; roleId?: string };

/** The grants that are assignments. */
export const IS_ASSIGNMENT = and(eq(grants.effect, "allow"), isNull(grants.conditions), isNotNull(grants.roleId), isNotNull(grants.resourceId));

function whereOf(filter: AssignmentFilter): SQL | undefined {
  const subject =
    filter.subject === "group"
      ? and(eq(grants.subjectType, "group"), eq(grants.subjectId, filter.groupId))
      : and(eq(grants.subjectType, "user"), isNotNull(memberships.id), filter.membershipId ? eq(memberships.id, filter.membershipId) : undefined);
  return and(
    IS_ASSIGNMENT,
    subject,
    filter.resourceId ? eq(grants.resourceId, filter.resourceId) : undefined,
    filter.roleId ? eq(grants.roleId, filter.roleId) : undefined,
  );
}

function select(db: Queryable, where: SQL | undefined) {
  return db
    .select({ grant: grants, membershipId: memberships.id, roleSlug: roles.slug, externalId: resources.externalId, type: resourceTypes.key })
    .from(grants)
    .innerJoin(roles, eq(roles.id, grants.roleId))
    .innerJoin(resources, eq(resources.id, grants.resourceId))
    .innerJoin(resourceTypes, eq(resourceTypes.id, resources.resourceTypeId))
    .leftJoin(
      memberships,
      and(eq(grants.subjectType, "user"), eq(memberships.userId, grants.subjectId), eq(memberships.organizationId, grants.organizationId)),
    )
    .where(where);
}

type Row = Awaited<ReturnType<typeof select>>[number];

const toAssignment = (r: Row): Assignment => ({
  id: r.grant.id,
  organizationId: r.grant.organizationId,
  subjectType: r.grant.subjectType as Assignment["subjectType"],
  subjectId: r.grant.subjectId,
  membershipId: r.membershipId,
  roleSlug: r.roleSlug,
  resource: { id: r.grant.resourceId!, externalId: r.externalId, type: r.type },
  createdAt: r.grant.createdAt,
});

export async function listAssignments(db: Queryable, filter: AssignmentFilter, window: KeysetWindow): Promise<KeysetPage<Assignment>> {
  return keysetPage(window, (a) => a.id, async (from, direction, limit) => {
    const beyond = from === undefined ? undefined : direction === "asc" ? gt(grants.id, from) : lt(grants.id, from);
    const rows = await select(db, and(whereOf(filter), beyond))
      .orderBy(direction === "asc" ? asc(grants.id) : desc(grants.id))
      .limit(limit);
    return rows.map(toAssignment);
  });
}

/** One assignment of the filtered subject; another subject's assignment is not found. */
export async function getAssignment(db: Queryable, id: string, filter: AssignmentFilter): Promise<Assignment> {
  const [row] = await select(db, and(eq(grants.id, id), whereOf(filter)));
  if (!row) throw notFound("role assignment", id, "id");
  return toAssignment(row);
}

function assertAssignment(value: GrantValue) {
  if (!value.roleId || !value.resourceId || value.effect !== "allow" || value.conditions) {
    throw invalid("role", "assignment", "role: an assignment grants one role on one resource, without conditions");
  }
}

async function insertAssignment(w: WriteContext, value: GrantValue): Promise<string> {
  const [row] = await w.tx.insert(grants).values({ id: newId("grant"), ...value, createdBy: w.actor }).returning();
  const [grant] = await withRoleSlugs(w.tx, [row]);
  w.record({ operation: "create", entityType: "grant", entityId: row.id, organizationId: row.organizationId, after: grant });
  return row.id;
}

async function assignmentsById(db: Queryable, ids: string[]): Promise<Assignment[]> {
  if (!ids.length) return [];
  const rows = await select(db, inArray(grants.id, ids)).orderBy(asc(grants.id));
  return rows.map(toAssignment);
}

/**
 * Assigns a role inside a write (a createGrant input with `role` and
 * `resource`). Assigning what is already assigned changes nothing and
 * returns the existing assignment.
 */
export async function assignInTx(w: WriteContext, input: unknown): Promise<{ id: string; created: boolean }> {
  const value = await resolveGrant(w.tx, input);
  assertAssignment(value);
  const [existing] = await findEqual(w.tx, value);
  return existing ? { id: existing.id, created: false } : { id: await insertAssignment(w, value), created: true };
}

export async function assignRole(db: Database, actor: string, input: unknown) {
  return write(db, actor, async (w) => {
    const { id, created } = await assignInTx(w, input);
    const [assignment] = await assignmentsById(w.tx, [id]);
    return { assignment, created };
  });
}

export async function revokeAssignment(db: Database, actor: string, id: string, filter: AssignmentFilter) {
  return write(db, actor, async (w) => {
    const assignment = await getAssignment(w.tx, id, filter);
    await removeGrants(w, eq(grants.id, assignment.id));
    return assignment;
  });
}

/** Runs `run`, naming its errors' fields under `prefix` (`[2].role`, `roleSlugs[0].role`), so a batch says which item failed. */
export async function inItem<T>(prefix: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof ArborError)) throw error;
    const issues = error.issues.length ? error.issues : [{ field: "", rule: error.kind, message: error.message }];
    throw new ArborError(
      error.kind,
      `${prefix}: ${error.message}`,
      issues.map((i) => ({ ...i, field: i.field ? `${prefix}.${i.field}` : prefix })),
    );
  }
}

/**
 * Replaces all of a group's assignments with the given ones (createGrant
 * inputs whose subject is the group), in one transaction: a bad item leaves
 * the old set in place. Assignments in both sets are kept as they are;
 * duplicates collapse into one.
 */
export async function replaceGroupAssignments(db: Database, actor: string, groupId: string, inputs: unknown[]) {
  return write(db, actor, async (w) => {
    const sameAs = (g: { roleId: string | null; resourceId: string | null }) => `${g.roleId}|${g.resourceId}`;
    const wanted = new Map<string, GrantValue>();
    for (const [i, input] of inputs.entries()) {
      const value = await inItem(`[${i}]`, async () => {
        const v = await resolveGrant(w.tx, input);
        assertAssignment(v);
        if (v.subjectType !== "group" || v.subjectId !== groupId) throw invalid("subject", "same_group", `subject: must be group '${groupId}'`);
        return v;
      });
      wanted.set(sameAs(value), value);
    }
    const current = await w.tx.select().from(grants).where(and(IS_ASSIGNMENT, eq(grants.subjectType, "group"), eq(grants.subjectId, groupId)));
    const stale = current.filter((g) => !wanted.has(sameAs(g))).map((g) => g.id);
    if (stale.length) await removeGrants(w, inArray(grants.id, stale));
    const kept = current.filter((g) => wanted.has(sameAs(g)));
    const keptKeys = new Set(kept.map(sameAs));
    const ids = kept.map((g) => g.id);
    for (const [key, value] of wanted) if (!keptKeys.has(key)) ids.push(await insertAssignment(w, value));
    return assignmentsById(w.tx, ids);
  });
}
