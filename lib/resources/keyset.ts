/**
 * Resources of one or all organizations as keyset pages in either direction
 * (WorkOS lists). Organization roots are left out: an organization's own
 * resource is implicit in that view, never listed.
 */
import { and, asc, desc, eq, gt, inArray, lt, ne } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { resources } from "@/db/schema";
import { keysetPage, type KeysetPage, type KeysetWindow } from "@/lib/shared/keyset";
import { ORGANIZATION_TYPE_ID } from "@/lib/organizations/schemas";
import { tenantRows } from "@/lib/tenancy/rules";
import type { Resource } from "./refs";

export type ResourceFilter = { organizationId?: string; resourceTypeId?: string; parentId?: string };

export async function pageResources(db: Queryable, filter: ResourceFilter, window: KeysetWindow): Promise<KeysetPage<Resource>> {
  const where = and(
    ne(resources.resourceTypeId, ORGANIZATION_TYPE_ID),
    tenantRows(resources.organizationId),
    filter.organizationId ? eq(resources.organizationId, filter.organizationId) : undefined,
    filter.resourceTypeId ? eq(resources.resourceTypeId, filter.resourceTypeId) : undefined,
    filter.parentId ? eq(resources.parentId, filter.parentId) : undefined,
  );
  return keysetPage(window, (r) => r.id, (from, direction, limit) =>
    db
      .select()
      .from(resources)
      .where(and(where, from === undefined ? undefined : direction === "asc" ? gt(resources.id, from) : lt(resources.id, from)))
      .orderBy(direction === "asc" ? asc(resources.id) : desc(resources.id))
      .limit(limit),
  );
}

/** Which of these ids are organization roots (the resource an organization implicitly is). */
export async function rootsAmong(db: Queryable, ids: string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Set();
  const rows = await db
    .select({ id: resources.id })
    .from(resources)
    .where(and(inArray(resources.id, unique), eq(resources.resourceTypeId, ORGANIZATION_TYPE_ID)));
  return new Set(rows.map((r) => r.id));
}

/** Resources by id, in the order the ids are given (ids that name nothing are skipped). */
export async function resourcesByIds(db: Queryable, ids: string[]): Promise<Resource[]> {
  if (!ids.length) return [];
  const rows = await db.select().from(resources).where(inArray(resources.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
