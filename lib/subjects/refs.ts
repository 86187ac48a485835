/**
 * Subject references (SPEC "Native API conventions"): ids (`user_…`,
 * `group_…`, `dept_…`, `role_…`, `om_…`) or compact forms `user:<externalId
 * or id>`, `group:<externalId or id>[#member]`, `department:<externalId or
 * id>`, `role:<slug>`, `membership:<om_…>`. Imported data often uses external
 * ids that look like ids (`user_4`), so an id that matches nothing is tried as
 * an external id.
 */
import { and, eq, isNull, or } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { departments, groups, memberships, users } from "@/db/schema";
import { conflict, invalid, notFound } from "@/lib/shared/errors";
import { ID_PREFIX } from "@/lib/shared/ids";
import { findRole } from "@/lib/roles/service";
import { getOrganization, type Organization } from "@/lib/organizations/service";
import { scopeChain } from "@/lib/resources/types";
import { defaultScopeId, seesOrganization, tenantRows } from "@/lib/tenancy/rules";

export type SubjectRef = { type: "user" | "group" | "department" | "role"; id: string; organizationId: string | null };
export type RefOptions = { organization?: string; field: string };

export type User = typeof users.$inferSelect;
export type Group = typeof groups.$inferSelect;
export type Department = typeof departments.$inferSelect;
export type Membership = typeof memberships.$inferSelect;

/** Picks the row whose id is the ref; else its one external-id match (several → ambiguous). */
function pick<T extends { id: string; organizationId?: string | null }>(rows: T[], ref: string, entity: string, field: string): T {
  const byId = rows.find((r) => r.id === ref);
  if (byId) return byId;
  if (!rows.length) throw notFound(entity, ref, field);
  if (rows.length > 1) throw conflict(`${field}: ${entity} '${ref}' exists in several organizations; pass organization to choose`, field, "ambiguous");
  return rows[0];
}

export async function resolveUser(db: Queryable, ref: string, field: string): Promise<User> {
  const rows = await db.select().from(users).where(or(eq(users.id, ref), eq(users.externalId, ref))).limit(2);
  return pick(rows, ref, "user", field);
}

/**
 * Within an organization, its own group wins over an environment-wide one
 * with the same external id (the nearer definition, as with scopes).
 */
export async function resolveGroup(db: Queryable, ref: string, opts: { organization?: Organization; field: string }): Promise<Group> {
  const org = opts.organization;
  const rows = await db
    .select()
    .from(groups)
    .where(
      and(
        or(eq(groups.id, ref), eq(groups.externalId, ref)),
        org ? or(eq(groups.organizationId, org.id), isNull(groups.organizationId)) : tenantRows(groups.organizationId, { environmentWide: true }),
      ),
    )
    .limit(3);
  const own = org ? rows.filter((r) => r.id === ref || r.organizationId === org.id) : rows;
  return pick(own.length ? own : rows, ref, "group", opts.field);
}

export async function resolveDepartment(db: Queryable, ref: string, opts: { organization?: Organization; field: string }): Promise<Department> {
  const org = opts.organization;
  const rows = await db
    .select()
    .from(departments)
    .where(and(or(eq(departments.id, ref), eq(departments.externalId, ref)), org ? eq(departments.organizationId, org.id) : tenantRows(departments.organizationId)))
    .limit(3);
  return pick(rows, ref, "department", opts.field);
}

export async function resolveMembership(db: Queryable, id: string, opts: { organization?: Organization; field: string }): Promise<Membership> {
  const [row] = await db.select().from(memberships).where(eq(memberships.id, id));
  if (!row || !seesOrganization(row.organizationId) || (opts.organization && row.organizationId !== opts.organization.id)) throw notFound("membership", id, opts.field);
  return row;
}

const COMPACT_TYPES = ["user", "group", "department", "role", "membership"] as const;
type CompactType = (typeof COMPACT_TYPES)[number];
/** `user:`, `group:` …: a string starting with one of these is a compact subject ref. */
export const SUBJECT_REF_PREFIXES = COMPACT_TYPES.map((t) => `${t}:`);

const ID_TYPES: [string, CompactType][] = [
  [ID_PREFIX.user, "user"],
  [ID_PREFIX.group, "group"],
  [ID_PREFIX.department, "department"],
  [ID_PREFIX.role, "role"],
  [ID_PREFIX.membership, "membership"],
];

/** Splits a ref into its kind and the id/external id/slug it names. */
function parseRef(ref: string, field: string): { kind: CompactType; value: string } {
  const colon = ref.indexOf(":");
  const kind = colon > 0 ? (COMPACT_TYPES as readonly string[]).find((t) => t === ref.slice(0, colon)) : undefined;
  if (kind) {
    let value = ref.slice(colon + 1);
    if (kind === "group" && value.endsWith("#member")) value = value.slice(0, -"#member".length);
    if (value) return { kind: kind as CompactType, value };
  }
  const byPrefix = ID_TYPES.find(([prefix]) => ref.startsWith(prefix));
  if (byPrefix) return { kind: byPrefix[1], value: ref };
  throw invalid(field, "format:subject_ref", `${field}: '${ref}' is neither a subject id nor user:/group:/department:/role:/membership: followed by an id`);
}

export async function resolveSubjectRef(db: Queryable, ref: string, opts: RefOptions): Promise<SubjectRef> {
  const { field } = opts;
  const org = opts.organization ? await getOrganization(db, opts.organization, "organization") : undefined;
  const { kind, value } = parseRef(ref, field);
  switch (kind) {
    case "user": {
      const user = await resolveUser(db, value, field);
      return { type: "user", id: user.id, organizationId: org?.id ?? null };
    }
    case "membership": {
      const membership = await resolveMembership(db, value, { organization: org, field });
      return { type: "user", id: membership.userId, organizationId: membership.organizationId };
    }
    case "group": {
      const group = await resolveGroup(db, value, { organization: org, field });
      return { type: "group", id: group.id, organizationId: group.organizationId };
    }
    case "department": {
      const department = await resolveDepartment(db, value, { organization: org, field });
      return { type: "department", id: department.id, organizationId: department.organizationId };
    }
    case "role": {
      const role = await findRole(db, value, org?.scopeId ?? defaultScopeId(), field);
      // A role looked up by id must still be visible from the organization's scope.
      if (org && !(await scopeChain(db, org.scopeId)).includes(role.scopeId)) throw notFound("role", value, field);
      return { type: "role", id: role.id, organizationId: org?.id ?? null };
    }
  }
}
