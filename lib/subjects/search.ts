/**
 * One search over everything a grant can be given to in an organization —
 * users (environment-wide), its groups and the environment-wide ones, its
 * departments, the roles its scope sees — for the console's subject pickers.
 * Each kind contributes at most `limit` matches.
 */
import { and, asc, eq, ilike, isNull, or } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { groups } from "@/db/schema";
import { parseWith } from "@/lib/shared/errors";
import { escapeLike } from "@/lib/resources/tree";
import { getOrganization } from "@/lib/organizations/service";
import { listRoles } from "@/lib/roles/service";
import { listDepartments } from "./departments";
import { listUsers } from "./users";

export const SUBJECT_KINDS = ["user", "group", "department", "role"] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const searchSubjectsSchema = z
  .object({
    organization: z.string().min(1).max(256),
    search: z.string().trim().max(200).default(""),
    kinds: z.array(z.enum(SUBJECT_KINDS)).min(1).default([...SUBJECT_KINDS]),
    limit: z.number().int().min(1).max(50).default(8),
  })
  .strict();

/** `ref` is what grants, checks and lookups accept for the subject (an id). */
export type SubjectHit = { type: SubjectKind; id: string; ref: string; label: string; detail: string | null };

export async function searchSubjects(db: Queryable, input: unknown): Promise<SubjectHit[]> {
  const q = parseWith(searchSubjectsSchema, input);
  const org = await getOrganization(db, q.organization, "organization");
  const search = q.search || undefined;
  const pattern = search ? `%${escapeLike(search)}%` : undefined;
  const wants = (kind: SubjectKind) => q.kinds.includes(kind);
  const hits: SubjectHit[] = [];

  if (wants("user")) {
    const { data } = await listUsers(db, { search, limit: q.limit });
    for (const u of data) hits.push({ type: "user", id: u.id, ref: u.id, label: u.name ?? u.email ?? u.externalId ?? u.id, detail: u.email ?? u.externalId });
  }
  if (wants("group")) {
    const rows = await db
      .select()
      .from(groups)
      .where(
        and(
          or(eq(groups.organizationId, org.id), isNull(groups.organizationId)),
          pattern ? or(ilike(groups.name, pattern), ilike(groups.externalId, pattern)) : undefined,
        ),
      )
      .orderBy(asc(groups.name))
      .limit(q.limit);
    for (const g of rows) hits.push({ type: "group", id: g.id, ref: g.id, label: g.name, detail: g.organizationId ? g.externalId : `${g.externalId} · environment-wide` });
  }
  if (wants("department")) {
    const { data } = await listDepartments(db, { organization: org.id, search, limit: q.limit });
    for (const d of data) hits.push({ type: "department", id: d.id, ref: d.id, label: d.name, detail: d.externalId });
  }
  if (wants("role")) {
    const needle = search?.toLowerCase();
    const roles = (await listRoles(db, org.scopeId)).filter((r) => !needle || r.slug.toLowerCase().includes(needle) || r.name.toLowerCase().includes(needle));
    for (const r of roles.slice(0, q.limit)) hits.push({ type: "role", id: r.id, ref: r.id, label: r.slug, detail: `${r.name} · everyone holding it in the organization` });
  }
  return hits;
}

/** Groups that belong to no organization (shared by all), for the console's group list. */
export async function listEnvironmentGroups(db: Queryable, limit = 200) {
  return db.select().from(groups).where(isNull(groups.organizationId)).orderBy(asc(groups.name)).limit(limit);
}
