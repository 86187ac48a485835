/**
 * Action grants set as a whole: "subject S may (or may not) take exactly
 * these actions on resource R". Setting replaces the actions S holds on R with
 * that effect — whatever conditions they had — instead of adding a second
 * grant beside them; role grants are left alone. Many settings are one
 * transaction: a bad item changes nothing.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { grants } from "@/db/schema";
import { ArborError, invalid } from "@/lib/shared/errors";
import { newId } from "@/lib/shared/ids";
import { write, type WriteContext } from "@/lib/revisions/write";
import { insertResourceInTx } from "@/lib/resources/service";
import { resolveResourceRef } from "@/lib/resources/refs";
import type { CreateResourceInput } from "@/lib/resources/schemas";
import { removeGrants } from "@/lib/subjects/cleanup";
import { resolveGrant } from "./service";

export type ActionSet = {
  /** A createGrant input with `actions` (not `role`). */
  grant: unknown;
  /** Created first when the grant's resource does not exist yet. */
  resource?: CreateResourceInput;
};

async function resourceExists(w: WriteContext, ref: string, organization: string) {
  try {
    await resolveResourceRef(w.tx, ref, { organization, field: "resource" });
    return true;
  } catch (error) {
    if (error instanceof ArborError && error.kind === "not_found") return false;
    throw error;
  }
}

/** Sets one action grant inside a write; returns the new grant's id. */
export async function setActionGrantInTx(w: WriteContext, item: ActionSet, prefix = ""): Promise<string> {
  const input = item.grant as { resource?: string; organization?: string };
  if (item.resource && input.resource && !(await resourceExists(w, input.resource, item.resource.organizationId))) {
    await insertResourceInTx(w, item.resource, `${prefix}resource`);
  }
  const value = await resolveGrant(w.tx, item.grant);
  if (!value.actions) throw invalid(`${prefix}actions`, "required", `${prefix}actions: an action grant names its actions`);
  await removeGrants(
    w,
    and(
      eq(grants.organizationId, value.organizationId),
      eq(grants.subjectType, value.subjectType),
      eq(grants.subjectId, value.subjectId),
      eq(grants.effect, value.effect),
      isNull(grants.roleId),
      value.resourceId ? eq(grants.resourceId, value.resourceId) : isNull(grants.resourceId),
      value.resourcePattern ? eq(grants.resourcePattern, value.resourcePattern) : isNull(grants.resourcePattern),
    ),
  );
  const [row] = await w.tx.insert(grants).values({ id: newId("grant"), ...value, createdBy: w.actor }).returning();
  w.record({ operation: "create", entityType: "grant", entityId: row.id, organizationId: row.organizationId, after: { ...row, role: null } });
  return row.id;
}

export async function setActionGrants(db: Database, actor: string, items: ActionSet[]) {
  return write(db, actor, async (w) => {
    const ids: string[] = [];
    for (const [i, item] of items.entries()) ids.push(await setActionGrantInTx(w, item, items.length > 1 ? `[${i}].` : ""));
    return ids;
  });
}
