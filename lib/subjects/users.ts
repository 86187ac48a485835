/**
 * Users are environment-wide; organizations see them through memberships and
 * grants. A key restricted to an organization may read and create users (to
 * bring them into its organization) but not change or delete one: every
 * organization shares it, and deleting it revokes its grants everywhere.
 */
import { and, asc, eq, gt, ilike, or } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { departmentMembers, groupMembers, memberships, users } from "@/db/schema";
import { conflict, parseWith } from "@/lib/shared/errors";
import { newId } from "@/lib/shared/ids";
import { toPage, type Page } from "@/lib/shared/paging";
import { write, type WriteContext } from "@/lib/revisions/write";
import { escapeLike } from "@/lib/resources/tree";
import { requireWholeEnvironment } from "@/lib/tenancy/rules";
import { removeDepartmentMembers, removeGrants, removeGroupMembers, removeMemberships, subjectGrants } from "./cleanup";
import { resolveUser, type User } from "./refs";
import { createUserSchema, listUsersQuerySchema, updateUserSchema } from "./schemas";

export type { User } from "./refs";

/** By id, external id or `user:<either>`. */
export async function getUser(db: Queryable, ref: string, field = "id"): Promise<User> {
  return resolveUser(db, ref.startsWith("user:") ? ref.slice("user:".length) : ref, field);
}

async function assertExternalIdFree(tx: Queryable, externalId: string, exceptId?: string) {
  const [clash] = await tx.select({ id: users.id }).from(users).where(eq(users.externalId, externalId));
  if (clash && clash.id !== exceptId) throw conflict(`user external id '${externalId}' is already used by ${clash.id}`, "externalId");
}

type NewUser = { externalId?: string; email?: string; name?: string; firstName?: string; lastName?: string };

async function insertUser(w: WriteContext, data: NewUser): Promise<User> {
  if (data.externalId !== undefined) await assertExternalIdFree(w.tx, data.externalId);
  const [row] = await w.tx
    .insert(users)
    .values({
      id: newId("user"),
      externalId: data.externalId ?? null,
      email: data.email ?? null,
      name: data.name ?? null,
      firstName: data.firstName ?? null,
      lastName: data.lastName ?? null,
      createdBy: w.actor,
    })
    .returning();
  w.record({ operation: "create", entityType: "user", entityId: row.id, after: row });
  return row;
}

export async function createUser(db: Database, actor: string, input: unknown) {
  const data = parseWith(createUserSchema, input);
  return write(db, actor, (w) => insertUser(w, data));
}

/** Finds a user by external id (or id), creating it if missing: bulk import names users this way. */
export async function ensureUserInTx(w: WriteContext, externalId: string): Promise<User> {
  const rows = await w.tx.select().from(users).where(or(eq(users.externalId, externalId), eq(users.id, externalId))).limit(2);
  return rows.find((r) => r.externalId === externalId) ?? rows[0] ?? (await insertUser(w, { externalId }));
}

export async function listUsers(db: Queryable, query: unknown): Promise<Page<User>> {
  const q = parseWith(listUsersQuerySchema, query);
  const pattern = q.search ? `%${escapeLike(q.search)}%` : undefined;
  const rows = await db
    .select()
    .from(users)
    .where(
      and(
        q.cursor ? gt(users.id, q.cursor) : undefined,
        pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern), ilike(users.externalId, pattern)) : undefined,
      ),
    )
    .orderBy(asc(users.id))
    .limit(q.limit + 1);
  return toPage(rows, q.limit, (r) => r.id);
}

export async function updateUser(db: Database, actor: string, ref: string, input: unknown) {
  requireWholeEnvironment("changing a user");
  const data = parseWith(updateUserSchema, input);
  return write(db, actor, async ({ tx, record }) => {
    const before = await getUser(tx, ref);
    if (data.externalId) await assertExternalIdFree(tx, data.externalId, before.id);
    if (!Object.keys(data).length) return before;
    const [after] = await tx.update(users).set({ ...data, updatedAt: new Date() }).where(eq(users.id, before.id)).returning();
    record({ operation: "update", entityType: "user", entityId: before.id, before, after });
    return after;
  });
}

/** Also revokes the user's grants and ends its organization, group and department memberships, each recorded. */
export async function deleteUser(db: Database, actor: string, ref: string) {
  requireWholeEnvironment("deleting a user");
  return write(db, actor, async (w) => {
    const user = await getUser(w.tx, ref);
    await removeGrants(w, subjectGrants("user", [user.id]));
    await removeGroupMembers(w, and(eq(groupMembers.memberType, "user"), eq(groupMembers.memberId, user.id)));
    await removeDepartmentMembers(w, eq(departmentMembers.userId, user.id));
    await removeMemberships(w, eq(memberships.userId, user.id));
    await w.tx.delete(users).where(eq(users.id, user.id));
    w.record({ operation: "delete", entityType: "user", entityId: user.id, before: user });
    return user;
  });
}
