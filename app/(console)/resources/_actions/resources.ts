"use server";

import type { Queryable } from "@/db/client";
import { countDescendants, createResource, deleteResource, getResource, updateResource } from "@/lib/resources/service";
import { moveResource } from "@/lib/resources/move";
import { childCounts } from "@/lib/resources/tree";
import type { TreeNode } from "@/components/resources/tree/tree-types";
import { consoleAction } from "../../_lib/action";

const revalidate = "/resources";

/** Fresh tree nodes for the parents a change touched, so the open tree shows new counts and children. */
async function nodesOf(db: Queryable, ids: (string | null)[]): Promise<TreeNode[]> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  const counts = await childCounts(db, wanted);
  const nodes: TreeNode[] = [];
  for (const id of wanted) {
    const r = await getResource(db, id);
    nodes.push({ id: r.id, parentId: r.parentId, type: r.type, externalId: r.externalId, name: r.name, childCount: counts.get(r.id) ?? 0 });
  }
  return nodes;
}

export async function createResourceAction(input: unknown) {
  return consoleAction(async ({ db, actor }) => {
    const { value, revision } = await createResource(db, actor, input);
    return { id: value.id, revision, touched: await nodesOf(db, [value.parentId]) };
  }, { revalidate });
}

export async function updateResourceAction(id: string, input: unknown) {
  return consoleAction(async ({ db, actor }) => {
    const { value, revision } = await updateResource(db, actor, id, input);
    return { revision, touched: await nodesOf(db, [value.parentId, value.id]) };
  }, { revalidate });
}

export async function moveResourceAction(id: string, input: unknown) {
  return consoleAction(async ({ db, actor }) => {
    const before = await getResource(db, id);
    const { value, revision } = await moveResource(db, actor, id, input);
    return { revision, touched: await nodesOf(db, [before.parentId, value.parentId]) };
  }, { revalidate });
}

/** What the delete confirmation shows: how many resources below and grants a cascade removes. */
export async function countDescendantsAction(id: string) {
  return consoleAction(async ({ db }) => countDescendants(db, id));
}

export async function deleteResourceAction(id: string) {
  return consoleAction(async ({ db, actor }) => {
    const { value, revision } = await deleteResource(db, actor, id, { cascade: true });
    return { revision, removed: value.removed, parentId: value.parentId, touched: await nodesOf(db, [value.parentId]) };
  }, { revalidate });
}
