/**
 * Departments: a tree per organization whose members are users. A member of
 * a department counts as a member of its ancestors (the decision engine
 * expands upwards); the tree never has a cycle, checked under the write lock.
 */
import { and, asc, eq, gt, ilike, inArray, or, sql } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { departmentMembers, departments, users } from "@/db/schema";
import { conflict, invalid, notFound, parseWith } from "@/lib/shared/errors";
import { newId } from "@/lib/shared/ids";
import { toPage, type Page } from "@/lib/shared/paging";
import { write } from "@/lib/revisions/write";
import { getOrganization, type Organization } from "@/lib/organizations/service";
import { escapeLike, rowsOf } from "@/lib/resources/tree";
import { cascadeOptionSchema } from "@/lib/resources/schemas";
import { departmentMemberId, removeDepartmentMembers, removeGrants, subjectGrants } from "./cleanup";
import { resolveDepartment, type Department, type User } from "./refs";
import {
  createDepartmentSchema,
  departmentMemberSchema,
  listDepartmentMembersQuerySchema,
  listDepartmentsQuerySchema,
  updateDepartmentSchema,
} from "./schemas";
import { getUser } from "./users";

export type { Department } from "./refs";
/** A user listed as a department member; `direct` is false when the membership is in a sub-department. */
export type DepartmentMember = User & { direct: boolean };
type LookupOptions = { organization?: string };

/** By id, external id or `department:<either>`; `organization` narrows an external id. */
export async function getDepartment(db: Queryable, ref: string, options: LookupOptions = {}, field = "id"): Promise<Department> {
  const org = options.organization ? await getOrganization(db, options.organization, "organization") : undefined;
  const value = ref.startsWith("department:") ? ref.slice("department:".length) : ref;
  return resolveDepartment(db, value, { organization: org, field });
}

/** The department and every department below it. */
async function subtreeIds(db: Queryable, id: string): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive down(id) as (
      select ${id}::text collate "C"
      union
      select d.id from departments d join down on d.parent_id = down.id
    )
    select id from down`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

/** The department and every department above it. */
async function ancestorIds(db: Queryable, id: string): Promise<string[]> {
  const result = await db.execute(sql`
    with recursive up(id, parent_id) as (
      select id, parent_id from departments where id = ${id}
      union
      select d.id, d.parent_id from departments d join up on d.id = up.parent_id
    )
    select id from up`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

async function resolveParent(db: Queryable, org: Organization, ref: string): Promise<Department> {
  return resolveDepartment(db, ref.startsWith("department:") ? ref.slice("department:".length) : ref, { organization: org, field: "parentId" });
}

export async function createDepartment(db: Database, actor: string, input: unknown) {
  const data = parseWith(createDepartmentSchema, input);
  return write(db, actor, async ({ tx, record }) => {
    const org = await getOrganization(tx, data.organizationId, "organizationId");
    const parent = data.parentId ? await resolveParent(tx, org, data.parentId) : undefined;
    const id = newId("department");
    const externalId = data.externalId ?? id;
    const [clash] = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.organizationId, org.id), eq(departments.externalId, externalId)));
    if (clash) throw conflict(`department external id '${externalId}' is already used by ${clash.id}`, "externalId");
    const [row] = await tx
      .insert(departments)
      .values({
        id,
        organizationId: org.id,
        externalId,
        name: data.name,
        description: data.description ?? null,
        parentId: parent?.id ?? null,
        createdBy: actor,
      })
      .returning();
    record({ operation: "create", entityType: "department", entityId: id, organizationId: org.id, after: row });
    return row;
  });
}

/** An organization's departments; `parentId` lists one department's children. */
export async function listDepartments(db: Queryable, query: unknown): Promise<Page<Department>> {
  const q = parseWith(listDepartmentsQuerySchema, query);
  const org = await getOrganization(db, q.organization, "organization");
  const parent = q.parentId ? await resolveParent(db, org, q.parentId) : undefined;
  const pattern = q.search ? `%${escapeLike(q.search)}%` : undefined;
  const rows = await db
    .select()
    .from(departments)
    .where(
      and(
        eq(departments.organizationId, org.id),
        parent ? eq(departments.parentId, parent.id) : undefined,
        pattern ? or(ilike(departments.name, pattern), ilike(departments.externalId, pattern)) : undefined,
        q.cursor ? gt(departments.id, q.cursor) : undefined,
      ),
    )
    .orderBy(asc(departments.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, (r) => r.id);
}

/** Name and description; `parentId` moves it (null = top level), refusing cycles. */
export async function updateDepartment(db: Database, actor: string, ref: string, input: unknown, options: LookupOptions = {}) {
  const data = parseWith(updateDepartmentSchema, input);
  return write(db, actor, async ({ tx, record }) => {
    const before = await getDepartment(tx, ref, options);
    const { parentId, ...fields } = data;
    const changes: Partial<Department> = { ...fields };
    if (parentId !== undefined) {
      if (parentId === null) changes.parentId = null;
      else {
        const org = await getOrganization(tx, before.organizationId);
        const parent = await resolveParent(tx, org, parentId);
        if ((await ancestorIds(tx, parent.id)).includes(before.id)) {
          throw invalid("parentId", "acyclic", `parentId: '${parentId}' is the department itself or below it`);
        }
        changes.parentId = parent.id;
      }
    }
    if (!Object.keys(changes).length) return before;
    const [after] = await tx.update(departments).set({ ...changes, updatedAt: new Date() }).where(eq(departments.id, before.id)).returning();
    record({ operation: "update", entityType: "department", entityId: before.id, organizationId: before.organizationId, before, after });
    return after;
  });
}

export type DeletedDepartment = Department & { removed: { departments: number; members: number; grants: number } };

/**
 * Refused while it has sub-departments, unless cascade; its members and the
 * grants it holds go with it (and with every removed sub-department), each recorded.
 */
export async function deleteDepartment(db: Database, actor: string, ref: string, options: LookupOptions & { cascade?: unknown } = {}) {
  const { cascade } = parseWith(cascadeOptionSchema, { cascade: options.cascade });
  return write(db, actor, async (w): Promise<DeletedDepartment> => {
    const department = await getDepartment(w.tx, ref, options);
    const ids = await subtreeIds(w.tx, department.id);
    if (ids.length > 1 && !cascade) {
      throw conflict(`department '${department.id}' has sub-departments; delete with cascade=true to remove them too`, "id", "has_children");
    }
    const grantCount = await removeGrants(w, subjectGrants("department", ids));
    const memberCount = await removeDepartmentMembers(w, inArray(departmentMembers.departmentId, ids));
    // One statement: the parent references are checked once, at its end.
    const gone = await w.tx.delete(departments).where(inArray(departments.id, ids)).returning();
    for (const d of gone) w.record({ operation: "delete", entityType: "department", entityId: d.id, organizationId: d.organizationId, before: d });
    return { ...department, removed: { departments: gone.length, members: memberCount, grants: grantCount } };
  });
}

export async function addDepartmentMember(db: Database, actor: string, ref: string, input: unknown, options: LookupOptions = {}) {
  const data = parseWith(departmentMemberSchema, input);
  return write(db, actor, async ({ tx, record }) => {
    const department = await getDepartment(tx, ref, options);
    const user = await getUser(tx, data.userId, "userId");
    const [existing] = await tx
      .select()
      .from(departmentMembers)
      .where(and(eq(departmentMembers.departmentId, department.id), eq(departmentMembers.userId, user.id)));
    if (existing) throw conflict(`user '${user.id}' is already a member of '${department.id}'`, "userId");
    const [row] = await tx.insert(departmentMembers).values({ departmentId: department.id, userId: user.id }).returning();
    record({ operation: "create", entityType: "department_member", entityId: departmentMemberId(row), organizationId: department.organizationId, after: row });
    return row;
  });
}

export async function removeDepartmentMember(db: Database, actor: string, ref: string, input: unknown, options: LookupOptions = {}) {
  const data = parseWith(departmentMemberSchema, input);
  return write(db, actor, async (w) => {
    const department = await getDepartment(w.tx, ref, options);
    const user = await getUser(w.tx, data.userId, "userId");
    const where = and(eq(departmentMembers.departmentId, department.id), eq(departmentMembers.userId, user.id));
    if (!(await removeDepartmentMembers(w, where))) throw notFound(`member of department '${department.id}'`, user.id, "userId");
    return { departmentId: department.id, userId: user.id };
  });
}

/** Its users, ordered by id; with includeSubDepartments, also those of every department below it (each once). */
export async function listDepartmentMembers(db: Queryable, ref: string, query: unknown, options: LookupOptions = {}): Promise<Page<DepartmentMember>> {
  const q = parseWith(listDepartmentMembersQuerySchema, query);
  const department = await getDepartment(db, ref, options);
  const ids = q.includeSubDepartments ? await subtreeIds(db, department.id) : [department.id];
  const rows = await db
    .selectDistinct({ userId: departmentMembers.userId })
    .from(departmentMembers)
    .where(and(inArray(departmentMembers.departmentId, ids), q.cursor ? gt(departmentMembers.userId, q.cursor) : undefined))
    .orderBy(asc(departmentMembers.userId))
    .limit(q.limit + 1);
  const page = toPage(rows, q.limit, (r) => r.userId);
  const userIds = page.data.map((r) => r.userId);
  if (!userIds.length) return { data: [], nextCursor: page.nextCursor };
  const userRows = await db.select().from(users).where(inArray(users.id, userIds));
  const direct = await db
    .select({ userId: departmentMembers.userId })
    .from(departmentMembers)
    .where(and(eq(departmentMembers.departmentId, department.id), inArray(departmentMembers.userId, userIds)));
  const directIds = new Set(direct.map((r) => r.userId));
  const byId = new Map(userRows.map((u) => [u.id, u]));
  return { data: userIds.map((id) => ({ ...byId.get(id)!, direct: directIds.has(id) })), nextCursor: page.nextCursor };
}
