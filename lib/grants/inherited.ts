/**
 * The grants a resource inherits, for the console's resource page: those on
 * each of its ancestors (nearest first) and the pattern grants of its
 * organization that match it or an ancestor. Each names its source, the
 * resource it sits on or matches, so the console can link to it. One upward
 * walk and two queries, whatever the depth.
 */
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { grants } from "@/db/schema";
import { globMatch } from "@/lib/shared/glob";
import { getResource, resourceAncestors, type ResourceView } from "@/lib/resources/service";
import { withRoleSlugs, type Grant } from "./service";

export type InheritedGrant = Grant & { source: ResourceView; viaPattern: boolean };

/** An ancestor near the organization's root may hold many grants; a page shows this many. */
export const MAX_INHERITED = 200;

const matches = (pattern: string, r: ResourceView) => globMatch(pattern, r.externalId) || globMatch(pattern, `${r.type}:${r.externalId}`);

export async function inheritedGrants(db: Queryable, ref: string): Promise<{ data: InheritedGrant[]; truncated: boolean }> {
  const resource = await getResource(db, ref);
  const ancestors = await resourceAncestors(db, resource.id);
  // Nearest first: the resource itself (for patterns), then its parent, up to the root.
  const chain = [resource, ...ancestors.slice().reverse()];
  const rank = new Map(chain.map((r, i) => [r.id, i]));
  const onAncestors = ancestors.length
    ? await db.select().from(grants).where(inArray(grants.resourceId, ancestors.map((a) => a.id))).orderBy(asc(grants.id)).limit(MAX_INHERITED + 1)
    : [];
  const patterns = await db
    .select()
    .from(grants)
    .where(and(eq(grants.organizationId, resource.organizationId), isNotNull(grants.resourcePattern)))
    .orderBy(asc(grants.id))
    .limit(MAX_INHERITED + 1);
  const found: { row: (typeof onAncestors)[number]; source: ResourceView; viaPattern: boolean }[] = [];
  for (const row of onAncestors) found.push({ row, source: chain[rank.get(row.resourceId!)!], viaPattern: false });
  for (const row of patterns) {
    const source = chain.find((r) => matches(row.resourcePattern!, r));
    if (source) found.push({ row, source, viaPattern: true });
  }
  found.sort((a, b) => rank.get(a.source.id)! - rank.get(b.source.id)! || (a.row.id < b.row.id ? -1 : 1));
  const kept = found.slice(0, MAX_INHERITED);
  const named = await withRoleSlugs(db, kept.map((f) => f.row));
  return {
    data: named.map((grant, i) => ({ ...grant, source: kept[i].source, viaPattern: kept[i].viaPattern })),
    truncated: found.length > MAX_INHERITED || onAncestors.length > MAX_INHERITED || patterns.length > MAX_INHERITED,
  };
}
