/**
 * People-readable names for grant subjects, for the console's tables: a
 * user's name or email, a group's or department's name, a role's slug.
 * One query per subject type, whatever the number of subjects.
 */
import { inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { departments, groups, roles, users } from "@/db/schema";

export type SubjectKey = { type: string; id: string };

export const subjectKeyOf = (s: SubjectKey) => `${s.type}:${s.id}`;

export async function subjectLabels(db: Queryable, subjects: SubjectKey[]): Promise<Map<string, string>> {
  const idsOf = (type: string) => [...new Set(subjects.filter((s) => s.type === type).map((s) => s.id))];
  const labels = new Map<string, string>();
  const [userIds, groupIds, departmentIds, roleIds] = ["user", "group", "department", "role"].map(idsOf);
  if (userIds.length) {
    for (const u of await db.select().from(users).where(inArray(users.id, userIds))) labels.set(`user:${u.id}`, u.name ?? u.email ?? u.externalId ?? u.id);
  }
  if (groupIds.length) {
    for (const g of await db.select().from(groups).where(inArray(groups.id, groupIds))) labels.set(`group:${g.id}`, g.name);
  }
  if (departmentIds.length) {
    for (const d of await db.select().from(departments).where(inArray(departments.id, departmentIds))) labels.set(`department:${d.id}`, d.name);
  }
  if (roleIds.length) {
    for (const r of await db.select().from(roles).where(inArray(roles.id, roleIds))) labels.set(`role:${r.id}`, r.slug);
  }
  return labels;
}
