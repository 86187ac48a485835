/**
 * Action grants set as a whole: "subject S may (or may not) take exactly
 * these actions on resource R". Setting replaces the actions S holds on R with
 * that effect — whatever conditions they had — instead of adding a second
 * grant beside them; role grants are left alone. Many settings are one
 * transaction: a bad item changes nothing. Later items win over earlier ones
 * for the same subject, target and effect.
 */
import { and, eq, isNull, or, type SQL } from "drizzle-orm";
import type { Database } from "@/db/client";
import { grants } from "@/db/schema";
import { ArborError, invalid, parseWith } from "@/lib/shared/errors";
import { newId } from "@/lib/shared/ids";
import { write, type WriteContext } from "@/lib/revisions/write";
import { insertResourceInTx } from "@/lib/resources/service";
import { resolveResourceRef } from "@/lib/resources/refs";
import type { CreateResourceInput } from "@/lib/resources/schemas";
import { removeGrants } from "@/lib/subjects/cleanup";
import { createGrantSchema } from "./schemas";
import { resolveGrant, type GrantValue } from "./service";

export type ActionSet = {
  /** A createGrant input with `actions` (not `role`) and its `organization`. */
  grant: unknown;
  /** Created first when the grant's resource does not exist yet. */
  resource?: CreateResourceInput;
};

const CHUNK = 200;

async function resourceExists(w: WriteContext, ref: string, organization: string) {
  try {
    await resolveResourceRef(w.tx, ref, { organization, field: "resource" });
    return true;
  } catch (error) {
    if (error instanceof ArborError && error.kind === "not_found") return false;
    throw error;
  }
}

/**
 * Resolves every item like createGrant would, but each subject and each
 * target once: within one organization a subject valid beside one target is
 * valid beside any other, so a call naming 100 users and 10 resources costs
 * 110 resolutions, not 1000.
 */
async function resolveAll(w: WriteContext, items: ActionSet[]): Promise<Map<string, GrantValue>> {
  const subjects = new Map<string, Pick<GrantValue, "subjectType" | "subjectId">>();
  const targets = new Map<string, Pick<GrantValue, "organizationId" | "resourceId" | "resourcePattern">>();
  const wanted = new Map<string, GrantValue>();
  for (const [i, item] of items.entries()) {
    const prefix = items.length > 1 ? `[${i}]` : undefined;
    const data = parseWith(createGrantSchema, item.grant, prefix);
    if (!data.actions || !data.organization) {
      throw invalid(`${prefix ? `${prefix}.` : ""}actions`, "required", "an action set names its actions and its organization");
    }
    const subjectKey = `${data.organization}|${data.subject}`;
    const targetKey = `${data.organization}|${data.resource ?? ""}|${data.resourcePattern ?? ""}`;
    if (!subjects.has(subjectKey) || !targets.has(targetKey)) {
      if (item.resource && data.resource && !targets.has(targetKey) && !(await resourceExists(w, data.resource, data.organization))) {
        await insertResourceInTx(w, item.resource, `${prefix ?? ""}resource`);
      }
      const value = await resolveGrant(w.tx, item.grant);
      subjects.set(subjectKey, value);
      targets.set(targetKey, value);
    }
    const { subjectType, subjectId } = subjects.get(subjectKey)!;
    const { organizationId, resourceId, resourcePattern } = targets.get(targetKey)!;
    wanted.set(`${subjectType}|${subjectId}|${resourceId}|${resourcePattern}|${data.effect}`, {
      organizationId,
      subjectType,
      subjectId,
      roleId: null,
      actions: [...new Set(data.actions)].sort(),
      resourceId,
      resourcePattern,
      effect: data.effect,
      conditions: data.conditions?.length ? data.conditions : null,
    });
  }
  return wanted;
}

const sameSlot = (v: GrantValue): SQL =>
  and(
    eq(grants.organizationId, v.organizationId),
    eq(grants.subjectType, v.subjectType),
    eq(grants.subjectId, v.subjectId),
    eq(grants.effect, v.effect),
    isNull(grants.roleId),
    v.resourceId ? eq(grants.resourceId, v.resourceId) : isNull(grants.resourceId),
    v.resourcePattern ? eq(grants.resourcePattern, v.resourcePattern) : isNull(grants.resourcePattern),
  )!;

export async function setActionGrants(db: Database, actor: string, items: ActionSet[]) {
  return write(db, actor, async (w) => {
    const values = [...(await resolveAll(w, items)).values()];
    const ids: string[] = [];
    for (let i = 0; i < values.length; i += CHUNK) {
      const chunk = values.slice(i, i + CHUNK);
      await removeGrants(w, or(...chunk.map(sameSlot)));
      const rows = await w.tx
        .insert(grants)
        .values(chunk.map((v) => ({ id: newId("grant"), ...v, createdBy: actor })))
        .returning();
      for (const row of rows) {
        w.record({ operation: "create", entityType: "grant", entityId: row.id, organizationId: row.organizationId, after: { ...row, role: null } });
        ids.push(row.id);
      }
    }
    return ids;
  });
}
