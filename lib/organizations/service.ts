/**
 * Organizations: the tenants. Each one comes with its own scope (a child of
 * the scope it is created under, by default the root, keyed by the
 * organization id, so definitions can be made per organization and shared
 * ones inherited) and its root resource, under which all its resources sit.
 */
import { and, asc, eq, gt, ilike, inArray, ne, or } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import {
  accessKeys,
  apiKeys,
  departmentMembers,
  departments,
  grants,
  groupMembers,
  groups,
  memberships,
  organizations,
  permissions,
  resources,
  resourceTypes,
  roles,
  scopes,
} from "@/db/schema";
import { conflict, notFound, parseWith } from "@/lib/shared/errors";
import { newId } from "@/lib/shared/ids";
import { toPage, type Page } from "@/lib/shared/paging";
import { write, type WriteContext } from "@/lib/revisions/write";
import { ROOT_SCOPE_ID } from "@/lib/scopes/schemas";
import { loadScopeTree, resolveScopeRef } from "@/lib/scopes/tree";
import { requireWholeEnvironment, tenantRows } from "@/lib/tenancy/rules";
import { removeDepartmentMembers, removeGrants, removeGroupMembers, removeMemberships } from "@/lib/subjects/cleanup";
import { escapeLike } from "@/lib/resources/tree";
import { cascadeOptionSchema } from "@/lib/resources/schemas";
import {
  createOrganizationSchema,
  listOrganizationsQuerySchema,
  ORGANIZATION_TYPE_ID,
  updateOrganizationSchema,
} from "./schemas";

export type Organization = typeof organizations.$inferSelect;
export type OrganizationView = Organization & { rootResourceId: string };
type Resource = typeof resources.$inferSelect;

/** By id, else by external id (an id match wins when a string is both); a tenant finds only its own. */
export async function findOrganization(db: Queryable, ref: string): Promise<Organization | undefined> {
  const rows = await db
    .select()
    .from(organizations)
    .where(and(or(eq(organizations.id, ref), eq(organizations.externalId, ref)), tenantRows(organizations.id)))
    .limit(2);
  return rows.find((r) => r.id === ref) ?? rows[0];
}

export async function getOrganization(db: Queryable, ref: string, field = "id"): Promise<Organization> {
  const org = await findOrganization(db, ref);
  if (!org) throw notFound("organization", ref, field);
  return org;
}

export async function rootResource(db: Queryable, org: Organization): Promise<Resource> {
  const [row] = await db
    .select()
    .from(resources)
    .where(and(eq(resources.organizationId, org.id), eq(resources.resourceTypeId, ORGANIZATION_TYPE_ID)))
    .limit(1);
  if (!row) throw notFound("root resource of organization", org.id);
  return row;
}

async function withRoots(db: Queryable, orgs: Organization[]): Promise<OrganizationView[]> {
  if (!orgs.length) return [];
  const roots = await db
    .select({ organizationId: resources.organizationId, id: resources.id })
    .from(resources)
    .where(and(eq(resources.resourceTypeId, ORGANIZATION_TYPE_ID), inArray(resources.organizationId, orgs.map((o) => o.id))));
  const rootOf = new Map(roots.map((r) => [r.organizationId, r.id]));
  return orgs.map((o) => ({ ...o, rootResourceId: rootOf.get(o.id)! }));
}

/** The rows an organization starts with: its scope, itself, its root resource. */
function organizationRows(actor: string, data: { externalId?: string; name: string }, parentScopeId: string) {
  const id = newId("organization");
  return {
    scope: { id: `scope_${id}`, key: id, name: data.name, description: `Definitions of organization ${id}`, parentId: parentScopeId, createdBy: actor },
    organization: { id, externalId: data.externalId ?? null, name: data.name, scopeId: `scope_${id}`, createdBy: actor },
    root: { id: newId("resource"), organizationId: id, resourceTypeId: ORGANIZATION_TYPE_ID, externalId: data.externalId ?? id, name: data.name, parentId: null, createdBy: actor },
  };
}

/** Inserts organizations with their scopes and roots, a statement per table however many there are. */
async function insertOrganizationRows(w: WriteContext, rows: ReturnType<typeof organizationRows>[]): Promise<OrganizationView[]> {
  const { tx, record } = w;
  const scopeRows = await tx.insert(scopes).values(rows.map((r) => r.scope)).returning();
  for (const scope of scopeRows) record({ operation: "create", entityType: "scope", entityId: scope.id, after: scope });
  const orgRows = await tx.insert(organizations).values(rows.map((r) => r.organization)).returning();
  for (const org of orgRows) record({ operation: "create", entityType: "organization", entityId: org.id, organizationId: org.id, after: org });
  const rootRows = await tx.insert(resources).values(rows.map((r) => r.root)).returning();
  for (const root of rootRows) record({ operation: "create", entityType: "resource", entityId: root.id, organizationId: root.organizationId, after: root });
  const rootOf = new Map(rootRows.map((r) => [r.organizationId, r.id]));
  return orgRows.map((org) => ({ ...org, rootResourceId: rootOf.get(org.id)! }));
}

/** `parentScopeId`: the resolved scope whose definitions the organization's own scope inherits. */
async function insertOrganization(w: WriteContext, data: { externalId?: string; name: string }, parentScopeId = ROOT_SCOPE_ID): Promise<OrganizationView> {
  if (data.externalId !== undefined) {
    const [clash] = await w.tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.externalId, data.externalId));
    if (clash) throw conflict(`organization external id '${data.externalId}' is already used by ${clash.id}`, "externalId");
  }
  const [view] = await insertOrganizationRows(w, [organizationRows(w.actor, data, parentScopeId)]);
  return view;
}

export async function createOrganization(db: Database, actor: string, input: unknown) {
  requireWholeEnvironment("creating an organization");
  const { scopeId, ...data } = parseWith(createOrganizationSchema, input);
  return write(db, actor, async (w) => insertOrganization(w, data, resolveScopeRef(await loadScopeTree(w.tx), scopeId ?? ROOT_SCOPE_ID, "scopeId")));
}

/** Finds an organization by external id (or id), creating it if missing: bulk import names organizations this way. */
export async function ensureOrganizationInTx(w: WriteContext, externalId: string): Promise<Organization> {
  return (await ensureOrganizationsInTx(w, [externalId])).organizations.get(externalId)!;
}

const ENSURE_BATCH = 5_000;

/**
 * `ensureOrganizationInTx` for many at once, in a few statements whatever
 * their number (an import names hundreds): each reference resolves as
 * `findOrganization` would, the missing ones are created named by it.
 */
export async function ensureOrganizationsInTx(w: WriteContext, refs: string[]): Promise<{ organizations: Map<string, OrganizationView>; created: number }> {
  const found = new Map<string, OrganizationView>();
  const unique = [...new Set(refs)];
  let created = 0;
  for (let i = 0; i < unique.length; i += ENSURE_BATCH) {
    const slice = unique.slice(i, i + ENSURE_BATCH);
    const rows = await withRoots(
      w.tx,
      await w.tx
        .select()
        .from(organizations)
        .where(and(or(inArray(organizations.id, slice), inArray(organizations.externalId, slice)), tenantRows(organizations.id))),
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const byExternal = new Map(rows.filter((r) => r.externalId !== null).map((r) => [r.externalId!, r]));
    const missing: string[] = [];
    for (const ref of slice) {
      const org = byId.get(ref) ?? byExternal.get(ref);
      if (org) found.set(ref, org);
      else missing.push(ref);
    }
    if (!missing.length) continue;
    const views = await insertOrganizationRows(w, missing.map((ref) => organizationRows(w.actor, { externalId: ref, name: ref }, ROOT_SCOPE_ID)));
    for (const view of views) found.set(view.externalId!, view);
    created += views.length;
  }
  return { organizations: found, created };
}

export async function getOrganizationView(db: Queryable, ref: string): Promise<OrganizationView> {
  const [view] = await withRoots(db, [await getOrganization(db, ref)]);
  return view;
}

export async function listOrganizations(db: Queryable, query: unknown): Promise<Page<OrganizationView>> {
  const q = parseWith(listOrganizationsQuerySchema, query);
  const pattern = q.search ? `%${escapeLike(q.search)}%` : undefined;
  const rows = await db
    .select()
    .from(organizations)
    .where(
      and(
        tenantRows(organizations.id),
        q.cursor ? gt(organizations.id, q.cursor) : undefined,
        pattern ? or(ilike(organizations.name, pattern), ilike(organizations.externalId, pattern)) : undefined,
      ),
    )
    .orderBy(asc(organizations.id))
    .limit(q.limit + 1);
  const page = toPage(rows, q.limit, (r) => r.id);
  return { data: await withRoots(db, page.data), nextCursor: page.nextCursor };
}

/** A rename also renames the root resource and the organization's scope, which carry its name. */
export async function updateOrganization(db: Database, actor: string, ref: string, input: unknown) {
  const data = parseWith(updateOrganizationSchema, input);
  return write(db, actor, async ({ tx, record }) => {
    const before = await getOrganization(tx, ref);
    if (data.name === undefined || data.name === before.name) return (await withRoots(tx, [before]))[0];
    const now = new Date();
    const [after] = await tx.update(organizations).set({ name: data.name, updatedAt: now }).where(eq(organizations.id, before.id)).returning();
    record({ operation: "update", entityType: "organization", entityId: before.id, organizationId: before.id, before, after });
    const root = await rootResource(tx, before);
    const [renamed] = await tx.update(resources).set({ name: data.name, updatedAt: now }).where(eq(resources.id, root.id)).returning();
    record({ operation: "update", entityType: "resource", entityId: root.id, organizationId: before.id, before: root, after: renamed });
    const [scopeBefore] = await tx.select().from(scopes).where(eq(scopes.id, before.scopeId));
    const [scopeAfter] = await tx.update(scopes).set({ name: data.name }).where(eq(scopes.id, before.scopeId)).returning();
    record({ operation: "update", entityType: "scope", entityId: before.scopeId, before: scopeBefore, after: scopeAfter });
    return { ...after, rootResourceId: root.id };
  });
}

const exists = async (rows: Promise<unknown[]>) => (await rows).length > 0;

/** Definitions and keys are not tenant data: they must go first, cascade or not. */
async function definitionsIn(tx: Queryable, org: Organization): Promise<string[]> {
  const found: string[] = [];
  if (await exists(tx.select({ id: resourceTypes.id }).from(resourceTypes).where(eq(resourceTypes.scopeId, org.scopeId)).limit(1))) found.push("resource types");
  if (await exists(tx.select({ id: permissions.id }).from(permissions).where(eq(permissions.scopeId, org.scopeId)).limit(1))) found.push("permissions");
  if (await exists(tx.select({ id: roles.id }).from(roles).where(eq(roles.scopeId, org.scopeId)).limit(1))) found.push("roles");
  if (await exists(tx.select({ id: scopes.id }).from(scopes).where(eq(scopes.parentId, org.scopeId)).limit(1))) found.push("child scopes");
  if (await exists(tx.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.organizationId, org.id)).limit(1))) found.push("API keys");
  if (await exists(tx.select({ id: accessKeys.id }).from(accessKeys).where(eq(accessKeys.organizationId, org.id)).limit(1))) found.push("access keys");
  return found;
}

async function dependentsOf(tx: Queryable, org: Organization): Promise<string[]> {
  const found: string[] = [];
  const nonRoot = and(eq(resources.organizationId, org.id), ne(resources.resourceTypeId, ORGANIZATION_TYPE_ID));
  if (await exists(tx.select({ id: resources.id }).from(resources).where(nonRoot).limit(1))) found.push("resources");
  if (await exists(tx.select({ id: groups.id }).from(groups).where(eq(groups.organizationId, org.id)).limit(1))) found.push("groups");
  if (await exists(tx.select({ id: departments.id }).from(departments).where(eq(departments.organizationId, org.id)).limit(1))) found.push("departments");
  if (await exists(tx.select({ id: memberships.id }).from(memberships).where(eq(memberships.organizationId, org.id)).limit(1))) found.push("memberships");
  if (await exists(tx.select({ id: grants.id }).from(grants).where(eq(grants.organizationId, org.id)).limit(1))) found.push("grants");
  return found;
}

export type DeletedOrganization = Organization & { removed: { resources: number; grants: number; groups: number; departments: number; memberships: number } };

/**
 * Refused while the organization holds anything besides its root, unless
 * `cascade`: then its grants, groups, departments, memberships and resources
 * go with it, each recorded. Users stay (they are environment-wide).
 */
export async function deleteOrganization(db: Database, actor: string, ref: string, options: { cascade?: unknown } = {}) {
  const { cascade } = parseWith(cascadeOptionSchema, { cascade: options.cascade });
  return write(db, actor, async (w): Promise<DeletedOrganization> => {
    const { tx, record } = w;
    const org = await getOrganization(tx, ref);
    const definitions = await definitionsIn(tx, org);
    if (definitions.length) throw conflict(`organization '${org.id}' still has ${definitions.join(", ")}; remove them first`, "id", "in_use");
    if (!cascade) {
      const dependents = await dependentsOf(tx, org);
      if (dependents.length) {
        throw conflict(`organization '${org.id}' still has ${dependents.join(", ")}; delete with cascade=true to remove them too`, "id", "has_dependents");
      }
    }
    const orgGroups = tx.select({ id: groups.id }).from(groups).where(eq(groups.organizationId, org.id));
    const orgDepartments = tx.select({ id: departments.id }).from(departments).where(eq(departments.organizationId, org.id));
    const removedGrants = await removeGrants(
      w,
      or(
        eq(grants.organizationId, org.id),
        and(eq(grants.subjectType, "group"), inArray(grants.subjectId, orgGroups)),
        and(eq(grants.subjectType, "department"), inArray(grants.subjectId, orgDepartments)),
      ),
    );
    await removeGroupMembers(w, or(inArray(groupMembers.groupId, orgGroups), and(eq(groupMembers.memberType, "group"), inArray(groupMembers.memberId, orgGroups))));
    const goneGroups = await tx.delete(groups).where(eq(groups.organizationId, org.id)).returning();
    for (const g of goneGroups) record({ operation: "delete", entityType: "group", entityId: g.id, organizationId: org.id, before: g });
    await removeDepartmentMembers(w, inArray(departmentMembers.departmentId, orgDepartments));
    const goneDepartments = await tx.delete(departments).where(eq(departments.organizationId, org.id)).returning();
    for (const d of goneDepartments) record({ operation: "delete", entityType: "department", entityId: d.id, organizationId: org.id, before: d });
    const removedMemberships = await removeMemberships(w, eq(memberships.organizationId, org.id));
    // One statement: the parent references are checked once, at its end.
    const goneResources = await tx.delete(resources).where(eq(resources.organizationId, org.id)).returning();
    for (const r of goneResources) record({ operation: "delete", entityType: "resource", entityId: r.id, organizationId: org.id, before: r });
    await tx.delete(organizations).where(eq(organizations.id, org.id));
    record({ operation: "delete", entityType: "organization", entityId: org.id, organizationId: org.id, before: org });
    const [scope] = await tx.delete(scopes).where(eq(scopes.id, org.scopeId)).returning();
    record({ operation: "delete", entityType: "scope", entityId: scope.id, before: scope });
    return {
      ...org,
      removed: {
        resources: goneResources.length,
        grants: removedGrants,
        groups: goneGroups.length,
        departments: goneDepartments.length,
        memberships: removedMemberships,
      },
    };
  });
}
