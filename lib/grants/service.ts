/**
 * Grants: subject → (role | actions) on (resource | pattern), allow or deny,
 * with optional conditions. Creating one checks every reference; revoking is
 * by id or by value.
 */
import { and, asc, eq, gt, inArray, isNull, type SQL } from "drizzle-orm";
import type { Database, Queryable, Transaction } from "@/db/client";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { grants, resourceTypes, roles } from "@/db/schema";
import { conflict, invalid, notFound, parseWith } from "@/lib/shared/errors";
import { newId } from "@/lib/shared/ids";
import { toPage, type Page } from "@/lib/shared/paging";
import { write } from "@/lib/revisions/write";
import { findRole } from "@/lib/roles/service";
import { getOrganization } from "@/lib/organizations/service";
import { resolveResourceRef } from "@/lib/resources/refs";
import { resolveSubjectRef } from "@/lib/subjects/refs";
import { seesOrganization, tenantRows } from "@/lib/tenancy/rules";
import { createGrantSchema, grantQuerySchema } from "./schemas";

type GrantRow = typeof grants.$inferSelect;
export type Grant = GrantRow & { role: string | null };

export async function withRoleSlugs(db: Queryable, rows: GrantRow[]): Promise<Grant[]> {
  const roleIds = [...new Set(rows.map((r) => r.roleId).filter((id): id is string => !!id))];
  const slugs = roleIds.length ? await db.select({ id: roles.id, slug: roles.slug }).from(roles).where(inArray(roles.id, roleIds)) : [];
  const slugOf = new Map(slugs.map((s) => [s.id, s.slug]));
  return rows.map((r) => ({ ...r, role: r.roleId ? slugOf.get(r.roleId) ?? null : null }));
}

/** The grant a create request describes, every reference resolved and checked. */
export async function resolveGrant(tx: Transaction, input: unknown) {
  const data = parseWith(createGrantSchema, input);
  const resource = data.resource ? await resolveResourceRef(tx, data.resource, { organization: data.organization, field: "resource" }) : null;
  const organization = await getOrganization(tx, resource?.organizationId ?? data.organization!, "organization");
  const subject = await resolveSubjectRef(tx, data.subject, { organization: organization.id, field: "subject" });
  if (subject.organizationId && subject.organizationId !== organization.id) {
    throw notFound(subject.type, data.subject, "subject");
  }
  let roleId: string | null = null;
  if (data.role) {
    const role = await findRole(tx, data.role, organization.scopeId, "role");
    if (role.resourceType && resource) {
      const [type] = await tx.select({ key: resourceTypes.key }).from(resourceTypes).where(eq(resourceTypes.id, resource.resourceTypeId));
      if (type.key !== role.resourceType) {
        throw invalid("role", "resource_type", `role: '${role.slug}' applies to '${role.resourceType}' resources, not '${type.key}'`);
      }
    }
    roleId = role.id;
  }
  return {
    organizationId: organization.id,
    subjectType: subject.type,
    subjectId: subject.id,
    roleId,
    actions: data.actions ? [...new Set(data.actions)].sort() : null,
    resourceId: resource?.id ?? null,
    resourcePattern: data.resourcePattern ?? null,
    effect: data.effect,
    conditions: data.conditions?.length ? data.conditions : null,
  };
}

export type GrantValue = Awaited<ReturnType<typeof resolveGrant>>;

/** Grants equal in every part that decides access (conditions compared as JSON). */
export async function findEqual(tx: Transaction, value: GrantValue): Promise<GrantRow[]> {
  const eqOrNull = (column: AnyPgColumn, v: string | null) => (v === null ? isNull(column) : eq(column, v));
  const rows = await tx
    .select()
    .from(grants)
    .where(
      and(
        eq(grants.organizationId, value.organizationId),
        eq(grants.subjectType, value.subjectType),
        eq(grants.subjectId, value.subjectId),
        eq(grants.effect, value.effect),
        eqOrNull(grants.roleId, value.roleId),
        eqOrNull(grants.resourceId, value.resourceId),
        eqOrNull(grants.resourcePattern, value.resourcePattern),
      ),
    );
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return rows.filter((r) => same(r.actions, value.actions) && same(r.conditions, value.conditions));
}

export async function createGrant(db: Database, actor: string, input: unknown) {
  return write(db, actor, async ({ tx, record }) => {
    const value = await resolveGrant(tx, input);
    const [existing] = await findEqual(tx, value);
    if (existing) throw conflict(`an identical grant already exists (${existing.id})`, "subject", "unique");
    const [row] = await tx.insert(grants).values({ id: newId("grant"), ...value, createdBy: actor }).returning();
    const [grant] = await withRoleSlugs(tx, [row]);
    record({ operation: "create", entityType: "grant", entityId: row.id, organizationId: row.organizationId, after: grant });
    return grant;
  });
}

export async function getGrant(db: Queryable, id: string): Promise<Grant> {
  const [row] = await db.select().from(grants).where(eq(grants.id, id));
  if (!row || !seesOrganization(row.organizationId)) throw notFound("grant", id, "id");
  return (await withRoleSlugs(db, [row]))[0];
}

export async function revokeGrant(db: Database, actor: string, id: string) {
  return write(db, actor, async ({ tx, record }) => {
    const before = await getGrant(tx, id);
    await tx.delete(grants).where(eq(grants.id, id));
    record({ operation: "delete", entityType: "grant", entityId: id, organizationId: before.organizationId, before });
    return before;
  });
}

/** Revokes the grant equal to the one described (same fields as create). */
export async function revokeGrantByValue(db: Database, actor: string, input: unknown) {
  return write(db, actor, async ({ tx, record }) => {
    const value = await resolveGrant(tx, input);
    const matches = await findEqual(tx, value);
    if (!matches.length) throw notFound("grant", "matching the given fields", "subject");
    const removed = await withRoleSlugs(tx, matches);
    await tx.delete(grants).where(inArray(grants.id, matches.map((m) => m.id)));
    for (const before of removed) record({ operation: "delete", entityType: "grant", entityId: before.id, organizationId: before.organizationId, before });
    return removed;
  });
}

export async function listGrants(db: Queryable, query: unknown): Promise<Page<Grant>> {
  const q = parseWith(grantQuerySchema, query);
  const where: SQL[] = [];
  const organization = q.organization ? await getOrganization(db, q.organization, "organization") : undefined;
  const inOrganization = organization ? eq(grants.organizationId, organization.id) : tenantRows(grants.organizationId);
  if (inOrganization) where.push(inOrganization);
  if (q.subject) {
    const subject = await resolveSubjectRef(db, q.subject, { organization: organization?.id, field: "subject" });
    where.push(eq(grants.subjectType, subject.type), eq(grants.subjectId, subject.id));
  }
  if (q.resource) {
    const resource = await resolveResourceRef(db, q.resource, { organization: organization?.id, field: "resource" });
    where.push(eq(grants.resourceId, resource.id));
  }
  if (q.role) {
    const role = await findRole(db, q.role, organization?.scopeId, "role");
    where.push(eq(grants.roleId, role.id));
  }
  if (q.effect) where.push(eq(grants.effect, q.effect));
  if (q.cursor) where.push(gt(grants.id, q.cursor));
  const rows = await db.select().from(grants).where(and(...where)).orderBy(asc(grants.id)).limit(q.limit + 1);
  const page = toPage(rows, q.limit, (r) => r.id);
  return { data: await withRoleSlugs(db, page.data), nextCursor: page.nextCursor };
}
