"use server";

/**
 * Reads behind the resource tree and pickers. Each answers one bounded
 * question (a page of children, a page of search hits, one path), so no
 * request ever returns a whole tree.
 */
import { getResource, listChildren, resourceAncestors, searchResources, type ResourceView } from "@/lib/resources/service";
import { childCounts } from "@/lib/resources/tree";
import type { Queryable } from "@/db/client";
import type { ChildrenPage, SearchHitNode, TreeNode } from "@/components/resources/tree/tree-types";
import { consoleAction } from "../../_lib/action";

/** Children come a page at a time: enough to fill the visible tree, small enough to answer at once. */
const CHILD_PAGE = 100;
const SEARCH_PAGE = 25;

const toNode = (r: ResourceView, childCount: number): TreeNode => ({
  id: r.id,
  parentId: r.parentId,
  type: r.type,
  externalId: r.externalId,
  name: r.name,
  childCount,
});

async function withCounts(db: Queryable, rows: ResourceView[]): Promise<TreeNode[]> {
  const counts = await childCounts(db, rows.map((r) => r.id));
  return rows.map((r) => toNode(r, counts.get(r.id) ?? 0));
}

export async function loadChildrenAction(parentId: string, cursor?: string) {
  return consoleAction(async ({ db }): Promise<ChildrenPage> => {
    const page = await listChildren(db, parentId, { limit: CHILD_PAGE, cursor });
    return { items: page.data.map((r) => toNode(r, r.childCount)), nextCursor: page.nextCursor };
  });
}

export async function searchTreeAction(organizationId: string, search: string, type?: string) {
  return consoleAction(async ({ db }): Promise<{ hits: SearchHitNode[]; more: boolean }> => {
    const page = await searchResources(db, { organization: organizationId, search, type, limit: SEARCH_PAGE });
    const pathRows = [...new Map(page.data.flatMap((h) => h.path).map((r) => [r.id, r])).values()];
    const counted = new Map((await withCounts(db, pathRows)).map((n) => [n.id, n]));
    const hits = page.data.map((h) => ({ ...toNode(h, h.childCount), path: h.path.map((p) => counted.get(p.id)!) }));
    return { hits, more: page.nextCursor !== null };
  });
}

/** From the organization's root down to the resource, each with its child count: what revealing it in the tree needs. */
export async function resourcePathAction(id: string) {
  return consoleAction(async ({ db }): Promise<TreeNode[]> => {
    const resource = await getResource(db, id);
    return withCounts(db, [...(await resourceAncestors(db, resource.id)), resource]);
  });
}
