/**
 * Reads the authorization data into an AccessState, whole (start-up, after a
 * bulk import) or one area at a time (./sync.ts). Every read runs inside the
 * caller's repeatable-read transaction, so the state matches one revision.
 */
import { asc, gt, inArray, sql, type SQL } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import {
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
  roleIncludes,
  rolePermissions,
  roles,
  scopes,
  users,
} from "@/db/schema";
import type { ResourceNode, RoleDef } from "./model";
import { AccessState, type GrantRow, type ResourceRow } from "./state";

const CHUNK = 50_000;

const resourceColumns = {
  id: resources.id,
  organizationId: resources.organizationId,
  resourceTypeId: resources.resourceTypeId,
  externalId: resources.externalId,
  name: resources.name,
  parentId: resources.parentId,
  actions: resources.actions,
};

export async function loadDefinitions(tx: Transaction, state: AccessState) {
  const [scopeRows, typeRows, permRows, roleRows, rolePermRows, includeRows] = await Promise.all([
    tx.select({ id: scopes.id, parentId: scopes.parentId }).from(scopes),
    tx.select({ id: resourceTypes.id, key: resourceTypes.key }).from(resourceTypes),
    tx.select({ id: permissions.id, scopeId: permissions.scopeId, key: permissions.key, action: permissions.action, resourceType: permissions.resourceType, resourcePattern: permissions.resourcePattern }).from(permissions),
    tx.select({ id: roles.id, slug: roles.slug, scopeId: roles.scopeId, resourceType: roles.resourceType }).from(roles),
    tx.select().from(rolePermissions),
    tx.select().from(roleIncludes),
  ]);
  const roleDefs: RoleDef[] = roleRows.map((r) => ({
    ...r,
    permissionIds: rolePermRows.filter((p) => p.roleId === r.id).map((p) => p.permissionId),
    includeIds: includeRows.filter((i) => i.roleId === r.id).map((i) => i.includedRoleId),
  }));
  state.setDefinitions({ scopes: scopeRows, types: typeRows, permissions: permRows, roles: roleDefs });
}

export async function loadOrganizations(tx: Transaction, state: AccessState, ids?: string[]) {
  const rows = await tx
    .select({ id: organizations.id, externalId: organizations.externalId, scopeId: organizations.scopeId })
    .from(organizations)
    .where(ids ? inArray(organizations.id, ids) : undefined);
  for (const id of ids ?? []) if (!rows.some((r) => r.id === id)) state.removeOrganization(id);
  for (const r of rows) state.setOrganization({ ...r, rootId: null });
}

export async function loadGroups(tx: Transaction, state: AccessState) {
  const [groupRows, memberRows] = await Promise.all([
    tx.select({ id: groups.id, organizationId: groups.organizationId, externalId: groups.externalId }).from(groups),
    tx.select({ groupId: groupMembers.groupId, memberType: groupMembers.memberType, memberId: groupMembers.memberId }).from(groupMembers),
  ]);
  state.setGroups(groupRows, memberRows);
}

export async function loadDepartments(tx: Transaction, state: AccessState) {
  const [deptRows, memberRows] = await Promise.all([
    tx.select({ id: departments.id, organizationId: departments.organizationId, externalId: departments.externalId, parentId: departments.parentId }).from(departments),
    tx.select({ departmentId: departmentMembers.departmentId, userId: departmentMembers.userId }).from(departmentMembers),
  ]);
  state.setDepartments(deptRows, memberRows);
}

export async function loadUsers(tx: Transaction, state: AccessState, ids?: string[]) {
  const rows = await tx.select({ id: users.id, externalId: users.externalId, email: users.email, name: users.name }).from(users).where(ids ? inArray(users.id, ids) : undefined);
  for (const id of ids ?? []) if (!rows.some((r) => r.id === id)) state.removeUser(id);
  for (const { id, ...info } of rows) state.setUser(id, info);
}

export async function loadMemberships(tx: Transaction, state: AccessState) {
  const rows = await tx.select({ id: memberships.id, userId: memberships.userId, organizationId: memberships.organizationId }).from(memberships);
  state.memberships.clear();
  for (const r of rows) state.memberships.set(r.id, { userId: r.userId, organizationId: r.organizationId });
}

/** Inserts parents before children whatever order the rows come in. */
export function applyResources(state: AccessState, rows: ResourceRow[]) {
  const pending = new Map(rows.map((r) => [r.id, r]));
  const apply = (row: ResourceRow) => {
    pending.delete(row.id);
    const parent = row.parentId ? pending.get(row.parentId) : undefined;
    if (parent) apply(parent);
    state.upsertResource(row);
    const org = state.organizations.get(row.organizationId);
    if (org && !row.parentId) org.rootId = row.id;
  };
  for (const row of rows) if (pending.has(row.id)) apply(row);
}

type RawResourceRow = { id: string; organization_id: string; resource_type_id: string; external_id: string; name: string; parent_id: string | null; actions: string[] | null };

export async function loadResources(tx: Transaction, state: AccessState, ids?: string[]) {
  if (ids) {
    const rows = await tx.select(resourceColumns).from(resources).where(inArray(resources.id, ids));
    const present = new Set(rows.map((r) => r.id));
    for (const id of ids) if (!present.has(id)) state.removeResource(id);
    applyResources(state, rows);
    return;
  }
  // All of them: every node first, then the parent links (a moved resource can be older than its parent),
  // read as the driver's plain rows — mapping a million rows through the query builder costs seconds.
  const children: ResourceNode[] = [];
  const parentIds: string[] = [];
  let after = "";
  for (;;) {
    const rows = await rowsOf<RawResourceRow>(
      tx,
      sql`select id, organization_id, resource_type_id, external_id, name, parent_id, actions from ${resources} where id > ${after} order by id limit ${CHUNK}`,
    );
    for (const r of rows) {
      const node = state.addResource({ id: r.id, organizationId: r.organization_id, resourceTypeId: r.resource_type_id, externalId: r.external_id, name: r.name, parentId: null, actions: r.actions });
      if (r.parent_id) {
        children.push(node);
        parentIds.push(r.parent_id);
      } else {
        const org = state.organizations.get(node.organizationId);
        if (org) org.rootId = node.id;
      }
    }
    if (rows.length < CHUNK) break;
    after = rows[rows.length - 1].id;
  }
  for (let i = 0; i < children.length; i++) state.linkParent(children[i], state.resources.get(parentIds[i]) ?? null);
}

/** Result rows of `execute`, which postgres.js answers as an array and PGlite as `{ rows }`. */
async function rowsOf<T>(tx: Transaction, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

export async function loadGrants(tx: Transaction, state: AccessState, ids?: string[]) {
  const columns = {
    id: grants.id,
    organizationId: grants.organizationId,
    subjectType: grants.subjectType,
    subjectId: grants.subjectId,
    roleId: grants.roleId,
    actions: grants.actions,
    resourceId: grants.resourceId,
    resourcePattern: grants.resourcePattern,
    effect: grants.effect,
    conditions: grants.conditions,
  };
  if (ids) {
    const rows: GrantRow[] = await tx.select(columns).from(grants).where(inArray(grants.id, ids));
    const present = new Set(rows.map((r) => r.id));
    for (const id of ids) if (!present.has(id)) state.removeGrant(id);
    for (const r of rows) state.upsertGrant(r);
    return;
  }
  let after = "";
  for (;;) {
    const rows: GrantRow[] = await tx.select(columns).from(grants).where(gt(grants.id, after)).orderBy(asc(grants.id)).limit(CHUNK);
    for (const r of rows) state.upsertGrant(r);
    if (rows.length < CHUNK) break;
    after = rows[rows.length - 1].id;
  }
}

export async function loadAll(tx: Transaction, state: AccessState) {
  await loadDefinitions(tx, state);
  await loadOrganizations(tx, state);
  await loadUsers(tx, state);
  await loadMemberships(tx, state);
  await loadGroups(tx, state);
  await loadDepartments(tx, state);
  await loadResources(tx, state);
  await loadGrants(tx, state);
}
