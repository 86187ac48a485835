import { inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { resources } from "@/db/schema";
import type { Grant } from "@/lib/grants/service";
import type { InheritedGrant } from "@/lib/grants/inherited";
import { subjectKeyOf, subjectLabels } from "@/lib/subjects/labels";
import { typeKeys } from "@/lib/resources/types";
import type { GrantView, ResourceLink } from "@/components/grants/grant-view";

/** Grants as the console shows them: subjects and targets by name, ready to cross to the browser. */
export async function toGrantViews(db: Queryable, grants: (Grant | InheritedGrant)[]): Promise<GrantView[]> {
  const labels = await subjectLabels(db, grants.map((g) => ({ type: g.subjectType, id: g.subjectId })));
  const targetIds = [...new Set(grants.map((g) => g.resourceId).filter((id): id is string => !!id))];
  const rows = targetIds.length ? await db.select().from(resources).where(inArray(resources.id, targetIds)) : [];
  const keys = await typeKeys(db, rows.map((r) => r.resourceTypeId));
  const targets = new Map<string, ResourceLink>(
    rows.map((r) => [r.id, { id: r.id, organizationId: r.organizationId, name: r.name, type: keys.get(r.resourceTypeId) ?? "", externalId: r.externalId }]),
  );
  return grants.map((g) => {
    const source = "source" in g ? g.source : undefined;
    return {
      id: g.id,
      organizationId: g.organizationId,
      subject: { type: g.subjectType, id: g.subjectId, label: labels.get(subjectKeyOf({ type: g.subjectType, id: g.subjectId })) ?? g.subjectId },
      role: g.role,
      actions: g.actions,
      target: g.resourceId ? targets.get(g.resourceId) ?? null : null,
      pattern: g.resourcePattern,
      effect: g.effect as GrantView["effect"],
      conditions: (g.conditions as GrantView["conditions"]) ?? null,
      createdAt: new Date(g.createdAt).toISOString(),
      source: source ? { id: source.id, organizationId: source.organizationId, name: source.name, type: source.type, externalId: source.externalId, viaPattern: (g as InheritedGrant).viaPattern } : undefined,
    };
  });
}
