/**
 * Moving a subtree. Writers are serialised by the revision lock (see
 * lib/revisions/write.ts), so the cycle and depth checks below see the tree
 * exactly as the update will change it: concurrent moves cannot interleave
 * into a cycle.
 */
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { resources } from "@/db/schema";
import { invalid, parseWith } from "@/lib/shared/errors";
import { write, type WriteContext } from "@/lib/revisions/write";
import { resolveResourceRef, type Resource } from "./refs";
import { assertAllowedParent, assertDepth, resolveParent } from "./placement";
import { moveResourceSchema } from "./schemas";
import { ancestorChains, subtreeHeight } from "./tree";
import { toView } from "./views";

/** Re-parents a resource inside a write and returns the updated row; the caller records the change. */
export async function relocate(w: WriteContext, resource: Resource, parentRef: string, field = "parentId"): Promise<Resource> {
  if (resource.parentId === null) throw invalid(field, "root", `${field}: the organization's root resource cannot move`);
  const parent = await resolveParent(w.tx, parentRef, resource.organizationId, field);
  if (parent.id === resource.parentId) return resource;
  const chains = await ancestorChains(w.tx, [parent.id, resource.id]);
  const parentChain = chains.get(parent.id) ?? [parent.id];
  if (parentChain.includes(resource.id)) {
    throw invalid(field, "acyclic", `${field}: '${parentRef}' is the resource itself or inside its subtree`);
  }
  await assertAllowedParent(w.tx, resource.resourceTypeId, parent, field);
  const newDepth = parentChain.length;
  const oldDepth = (chains.get(resource.id)?.length ?? 1) - 1;
  // Moving up or sideways cannot make the tree deeper; only then is the subtree walked.
  if (newDepth > oldDepth) assertDepth(newDepth + (await subtreeHeight(w.tx, resource.id)), field);
  const [moved] = await w.tx
    .update(resources)
    .set({ parentId: parent.id, updatedAt: new Date() })
    .where(eq(resources.id, resource.id))
    .returning();
  return moved;
}

export async function moveResource(db: Database, actor: string, ref: string, input: unknown, options: { organization?: string } = {}) {
  const data = parseWith(moveResourceSchema, input);
  return write(db, actor, async (w) => {
    const before = await resolveResourceRef(w.tx, ref, { organization: options.organization, field: "id" });
    const after = await relocate(w, before, data.parentId);
    if (after !== before) {
      w.record({ operation: "update", entityType: "resource", entityId: before.id, organizationId: before.organizationId, before, after });
    }
    return toView(w.tx, after);
  });
}
