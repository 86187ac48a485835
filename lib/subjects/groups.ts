/**
 * Groups belong to one organization or, without one, to the whole
 * environment. Members are users or other groups (nested); membership edges
 * never form a cycle, which is checked under the write lock.
 */
import { and, asc, eq, gt, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { groupMembers, groups, users } from "@/db/schema";
import { conflict, invalid, notFound, parseWith } from "@/lib/shared/errors";
import { ID_PREFIX, newId } from "@/lib/shared/ids";
import { pageQuerySchema, toPage, type Page } from "@/lib/shared/paging";
import { write, type WriteContext } from "@/lib/revisions/write";
import { getOrganization, type Organization } from "@/lib/organizations/service";
import { escapeLike, rowsOf } from "@/lib/resources/tree";
import { requireWholeEnvironment, tenantRows } from "@/lib/tenancy/rules";
import { groupMemberId, removeGrants, removeGroupMembers, subjectGrants } from "./cleanup";
import { resolveGroup, resolveSubjectRef, SUBJECT_REF_PREFIXES, type Group } from "./refs";
import { createGroupSchema, groupMemberSchema, listGroupsQuerySchema, updateGroupSchema } from "./schemas";

export type { Group } from "./refs";
export type GroupMember = { type: "user" | "group"; id: string; externalId: string | null; name: string | null; email: string | null; createdAt: Date };
type LookupOptions = { organization?: string };

/** By id, external id or `group:<either>`; `organization` narrows an external id. */
export async function getGroup(db: Queryable, ref: string, options: LookupOptions = {}, field = "id"): Promise<Group> {
  const org = options.organization ? await getOrganization(db, options.organization, "organization") : undefined;
  const value = ref.startsWith("group:") ? ref.slice("group:".length).replace(/#member$/, "") : ref;
  return resolveGroup(db, value, { organization: org, field });
}

/** A group about to change: an environment-wide one is shared by every organization, so a tenant may not. */
async function changeableGroup(db: Queryable, ref: string, options: LookupOptions): Promise<Group> {
  const group = await getGroup(db, ref, options);
  if (group.organizationId === null) requireWholeEnvironment("changing an environment-wide group");
  return group;
}

async function insertGroup(w: WriteContext, data: { organizationId: string | null; externalId?: string; name: string; description?: string }) {
  const id = newId("group");
  const externalId = data.externalId ?? id;
  const [clash] = await w.tx
    .select({ id: groups.id })
    .from(groups)
    .where(and(eq(groups.externalId, externalId), data.organizationId ? eq(groups.organizationId, data.organizationId) : isNull(groups.organizationId)));
  if (clash) throw conflict(`group external id '${externalId}' is already used by ${clash.id}`, "externalId");
  const [row] = await w.tx
    .insert(groups)
    .values({ id, organizationId: data.organizationId, externalId, name: data.name, description: data.description ?? null, createdBy: w.actor })
    .returning();
  w.record({ operation: "create", entityType: "group", entityId: id, organizationId: row.organizationId, after: row });
  return row;
}

export async function createGroup(db: Database, actor: string, input: unknown) {
  const data = parseWith(createGroupSchema, input);
  if (!data.organizationId) requireWholeEnvironment("creating an environment-wide group");
  return write(db, actor, async (w) => {
    const org = data.organizationId ? await getOrganization(w.tx, data.organizationId, "organizationId") : undefined;
    return insertGroup(w, { ...data, organizationId: org?.id ?? null });
  });
}

/** Finds a group by external id (or id) in an organization or the environment, creating it if missing (bulk import). */
export async function ensureGroupInTx(w: WriteContext, externalId: string, organizationId: string | null): Promise<Group> {
  const [found] = await w.tx
    .select()
    .from(groups)
    .where(and(eq(groups.externalId, externalId), organizationId ? eq(groups.organizationId, organizationId) : isNull(groups.organizationId)));
  return found ?? (await insertGroup(w, { organizationId, externalId, name: externalId }));
}

/** Groups of one organization (without `organization`: all groups), optionally matching `search`. */
export async function listGroups(db: Queryable, query: unknown): Promise<Page<Group>> {
  const q = parseWith(listGroupsQuerySchema, query);
  const org = q.organization ? await getOrganization(db, q.organization, "organization") : undefined;
  const pattern = q.search ? `%${escapeLike(q.search)}%` : undefined;
  const rows = await db
    .select()
    .from(groups)
    .where(
      and(
        org ? eq(groups.organizationId, org.id) : tenantRows(groups.organizationId, { environmentWide: true }),
        pattern ? or(ilike(groups.name, pattern), ilike(groups.externalId, pattern)) : undefined,
        q.cursor ? gt(groups.id, q.cursor) : undefined,
      ),
    )
    .orderBy(asc(groups.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, (r) => r.id);
}

export async function updateGroup(db: Database, actor: string, ref: string, input: unknown, options: LookupOptions = {}) {
  const data = parseWith(updateGroupSchema, input);
  return write(db, actor, async ({ tx, record }) => {
    const before = await changeableGroup(tx, ref, options);
    if (!Object.keys(data).length) return before;
    const [after] = await tx.update(groups).set({ ...data, updatedAt: new Date() }).where(eq(groups.id, before.id)).returning();
    record({ operation: "update", entityType: "group", entityId: before.id, organizationId: before.organizationId, before, after });
    return after;
  });
}

/** Also removes its members, its place in other groups and the grants it holds, each recorded. */
export async function deleteGroup(db: Database, actor: string, ref: string, options: LookupOptions = {}) {
  return write(db, actor, async (w) => {
    const group = await changeableGroup(w.tx, ref, options);
    await removeGrants(w, subjectGrants("group", [group.id]));
    await removeGroupMembers(w, or(eq(groupMembers.groupId, group.id), and(eq(groupMembers.memberType, "group"), eq(groupMembers.memberId, group.id))));
    await w.tx.delete(groups).where(eq(groups.id, group.id));
    w.record({ operation: "delete", entityType: "group", entityId: group.id, organizationId: group.organizationId, before: group });
    return group;
  });
}

/**
 * A member given as `{type, id}` where id is an id, an external id or a
 * compact ref; the compact form alone (`group:eng`) also says the type.
 */
async function resolveMember(db: Queryable, input: unknown, org: Organization | undefined) {
  const data = parseWith(groupMemberSchema, input);
  const selfDescribing = [...SUBJECT_REF_PREFIXES, ...Object.values(ID_PREFIX)].some((p) => data.id.startsWith(p));
  const ref = data.type && !selfDescribing ? `${data.type}:${data.id}` : data.id;
  const subject = await resolveSubjectRef(db, ref, { organization: org?.id, field: "id" });
  if (subject.type !== "user" && subject.type !== "group") throw invalid("id", "member_type", `id: a ${subject.type} cannot be a group member (users and groups only)`);
  if (data.type && subject.type !== data.type) throw invalid("type", "matches_id", `type: '${data.id}' is a ${subject.type}, not a ${data.type}`);
  return { type: subject.type, id: subject.id };
}

/** True when `groupId` is `memberGroupId` or sits (transitively) inside it: adding the edge would close a cycle. */
async function containsTransitively(db: Queryable, memberGroupId: string, groupId: string): Promise<boolean> {
  const result = await db.execute(sql`
    with recursive inside(id) as (
      select ${memberGroupId}::text collate "C"
      union
      select gm.member_id from group_members gm join inside on gm.group_id = inside.id where gm.member_type = 'group'
    )
    select 1 as found from inside where id = ${groupId} limit 1`);
  return rowsOf(result).length > 0;
}

async function groupContext(db: Queryable, ref: string, options: LookupOptions) {
  const group = await changeableGroup(db, ref, options);
  const org = group.organizationId ? await getOrganization(db, group.organizationId) : undefined;
  return { group, org };
}

export async function addGroupMember(db: Database, actor: string, ref: string, input: unknown, options: LookupOptions = {}) {
  return write(db, actor, async ({ tx, record }) => {
    const { group, org } = await groupContext(tx, ref, options);
    const member = await resolveMember(tx, input, org);
    if (member.type === "group") {
      const [inner] = await tx.select().from(groups).where(eq(groups.id, member.id));
      // An environment-wide group may only contain environment-wide groups; nothing crosses organizations.
      if (inner.organizationId !== null && inner.organizationId !== group.organizationId) {
        throw invalid("id", "same_organization", `id: group '${inner.id}' belongs to another organization`);
      }
      if (await containsTransitively(tx, member.id, group.id)) {
        throw invalid("id", "acyclic", `id: adding group '${inner.id}' to '${group.id}' would form a cycle`);
      }
    }
    const [existing] = await tx
      .select()
      .from(groupMembers)
      .where(and(eq(groupMembers.groupId, group.id), eq(groupMembers.memberType, member.type), eq(groupMembers.memberId, member.id)));
    if (existing) throw conflict(`${member.type} '${member.id}' is already a member of '${group.id}'`, "id");
    const [row] = await tx.insert(groupMembers).values({ groupId: group.id, memberType: member.type, memberId: member.id }).returning();
    record({ operation: "create", entityType: "group_member", entityId: groupMemberId(row), organizationId: group.organizationId, after: row });
    return row;
  });
}

export async function removeGroupMember(db: Database, actor: string, ref: string, input: unknown, options: LookupOptions = {}) {
  return write(db, actor, async (w) => {
    const { group, org } = await groupContext(w.tx, ref, options);
    const member = await resolveMember(w.tx, input, org);
    const where = and(eq(groupMembers.groupId, group.id), eq(groupMembers.memberType, member.type), eq(groupMembers.memberId, member.id));
    if (!(await removeGroupMembers(w, where))) throw notFound(`member of group '${group.id}'`, `${member.type}:${member.id}`, "id");
    return { groupId: group.id, memberType: member.type, memberId: member.id };
  });
}

/** Direct members, users and groups, ordered by type then id; the cursor is `type/id`. */
export async function listGroupMembers(db: Queryable, ref: string, query: unknown, options: LookupOptions = {}): Promise<Page<GroupMember>> {
  const q = parseWith(pageQuerySchema, query);
  const group = await getGroup(db, ref, options);
  const [afterType, afterId] = q.cursor ? q.cursor.split("/") : [];
  const rows = await db
    .select()
    .from(groupMembers)
    .where(
      and(
        eq(groupMembers.groupId, group.id),
        afterType ? or(gt(groupMembers.memberType, afterType), and(eq(groupMembers.memberType, afterType), gt(groupMembers.memberId, afterId ?? ""))) : undefined,
      ),
    )
    .orderBy(asc(groupMembers.memberType), asc(groupMembers.memberId))
    .limit(q.limit + 1);
  const page = toPage(rows, q.limit, (r) => `${r.memberType}/${r.memberId}`);
  const ids = (type: string) => page.data.filter((r) => r.memberType === type).map((r) => r.memberId);
  const userIds = ids("user");
  const groupIds = ids("group");
  const userRows = userIds.length ? await db.select().from(users).where(inArray(users.id, userIds)) : [];
  const groupRows = groupIds.length ? await db.select().from(groups).where(inArray(groups.id, groupIds)) : [];
  const byId = new Map<string, { externalId: string | null; name: string | null; email: string | null }>([
    ...userRows.map((u) => [u.id, { externalId: u.externalId, name: u.name, email: u.email }] as const),
    ...groupRows.map((g) => [g.id, { externalId: g.externalId, name: g.name, email: null }] as const),
  ]);
  return {
    data: page.data.map((r) => ({
      type: r.memberType as GroupMember["type"],
      id: r.memberId,
      externalId: byId.get(r.memberId)?.externalId ?? null,
      name: byId.get(r.memberId)?.name ?? null,
      email: byId.get(r.memberId)?.email ?? null,
      createdAt: r.createdAt,
    })),
    nextCursor: page.nextCursor,
  };
}
