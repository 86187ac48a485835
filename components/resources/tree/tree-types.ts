/** What the tree knows of one resource; server actions answer with these, never whole rows. */
export type TreeNode = { id: string; parentId: string | null; type: string; externalId: string; name: string; childCount: number };

export type SearchHitNode = TreeNode & { path: TreeNode[] };

export type ChildrenPage = { items: TreeNode[]; nextCursor: string | null };
