import type { Queryable } from "@/db/client";
import { invalid } from "@/lib/shared/errors";
import { allowedParentTypeIds } from "@/lib/resource-types/hierarchy";
import { ID_PREFIX } from "@/lib/shared/ids";
import { resolveResourceRef, type Resource } from "./refs";
import { MAX_DEPTH } from "./tree";
import { typeKeys } from "./types";

/** Type hierarchy rules: when the child's type has rules, the parent must be of an allowed type. */
export async function assertAllowedParent(db: Queryable, childTypeId: string, parent: Resource, field: string) {
  const allowed = await allowedParentTypeIds(db, childTypeId);
  if (!allowed || allowed.includes(parent.resourceTypeId)) return;
  const keys = await typeKeys(db, [childTypeId, parent.resourceTypeId, ...allowed]);
  const names = allowed.map((id) => `'${keys.get(id) ?? id}'`).join(", ");
  throw invalid(
    field,
    "type_hierarchy",
    `${field}: a '${keys.get(childTypeId)}' cannot be placed under a '${keys.get(parent.resourceTypeId)}' (allowed parents: ${names})`,
  );
}

export function assertDepth(depth: number, field: string) {
  if (depth > MAX_DEPTH) throw invalid(field, "max_depth", `${field}: resources may sit at most ${MAX_DEPTH} levels below the organization`);
}

/**
 * A parent by id or compact ref. Nothing crosses organizations: a compact ref
 * is looked up in the child's organization, and an id from another one is refused.
 */
export async function resolveParent(db: Queryable, ref: string, organizationId: string, field: string): Promise<Resource> {
  const byId = ref.startsWith(ID_PREFIX.resource);
  const parent = await resolveResourceRef(db, ref, { organization: byId ? undefined : organizationId, field });
  if (parent.organizationId !== organizationId) {
    throw invalid(field, "same_organization", `${field}: '${parent.id}' belongs to another organization`);
  }
  return parent;
}
