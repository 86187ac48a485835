import { cache } from "react";
import { notFound } from "next/navigation";
import { ArborError } from "@/lib/shared/errors";
import { getOrganizationView } from "@/lib/organizations/service";
import { getResource, type ResourceView } from "@/lib/resources/service";
import { childCounts } from "@/lib/resources/tree";
import { listResourceTypes } from "@/lib/resource-types/service";
import { listTypeRules } from "@/lib/resource-types/hierarchy";
import { listRoles } from "@/lib/roles/service";
import { ORGANIZATION_TYPE_ID } from "@/lib/organizations/schemas";
import type { TreeNode } from "@/components/resources/tree/tree-types";
import type { TypeOption } from "@/components/resources/resource-forms";
import type { RoleOption } from "@/components/grants/grant-form";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

/** Something the URL names that does not exist is a 404 page, not an error page. */
export async function orNotFound<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (error) {
    if (error instanceof ArborError && error.kind === "not_found") notFound();
    throw error;
  }
}

export const toTreeNode = (r: ResourceView, childCount: number): TreeNode => ({
  id: r.id,
  parentId: r.parentId,
  type: r.type,
  externalId: r.externalId,
  name: r.name,
  childCount,
});

/** The organization in the URL with its root as a tree node; once per request however many layouts ask. */
export const loadOrganization = cache(async (ref: string) => {
  const { db } = await requireAdmin();
  const org = await orNotFound(getOrganizationView(db, decodeURIComponent(ref)));
  const root = await getResource(db, org.rootResourceId);
  const counts = await childCounts(db, [root.id]);
  return { db, org, root: toTreeNode(root, counts.get(root.id) ?? 0) };
});

/** What the create and grant forms offer: the types and roles the organization's scope sees, with where each type may sit. */
export const loadFormOptions = cache(async (scopeId: string): Promise<{ types: TypeOption[]; roles: RoleOption[] }> => {
  const { db } = await requireAdmin();
  const [types, rules, roles] = await Promise.all([listResourceTypes(db, scopeId), listTypeRules(db, scopeId), listRoles(db, scopeId)]);
  return {
    types: types
      .filter((t) => t.id !== ORGANIZATION_TYPE_ID)
      .map((t) => {
        const parents = rules.filter((r) => r.childTypeId === t.id).map((r) => r.parentTypeKey);
        return { key: t.key, name: t.name, allowedParents: parents.length ? parents : null };
      }),
    roles: roles.map((r) => ({ slug: r.slug, name: r.name, resourceType: r.resourceType })),
  };
});
