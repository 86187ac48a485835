"use client";

import { createContext, useContext } from "react";
import type { TreeNode } from "./tree-types";
import { useResourceTree, type ResourceTreeModel } from "./use-resource-tree";

const TreeContext = createContext<ResourceTreeModel | null>(null);

/**
 * The organization's tree, shared by the tree panel and the resource pages
 * beside it: a page that changes the tree tells it which branches to load
 * again, and the panel keeps its open branches while pages change.
 */
export function ResourceTreeProvider({ root, children }: { root: TreeNode; children: React.ReactNode }) {
  const tree = useResourceTree(root);
  return <TreeContext value={tree}>{children}</TreeContext>;
}

/** The shared tree, or null outside a resource page (forms used elsewhere then have nothing to refresh). */
export const useSharedTree = () => useContext(TreeContext);
