"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { loadChildrenAction } from "@/app/(console)/resources/_actions/tree";
import {
  childrenFailed,
  childrenLoaded,
  childrenLoading,
  forgetChildren,
  initialTree,
  revealPath,
  setExpanded,
  visibleRows,
  withNodes,
  type TreeState,
} from "./tree-state";
import type { TreeNode } from "./tree-types";

/** The tree's state with the operations that fetch what they need: children lazily, a page at a time. */
export function useResourceTree(root: TreeNode) {
  const [state, setState] = useState<TreeState>(() => initialTree(root));
  const stateRef = useRef(state);
  stateRef.current = state;
  const rows = useMemo(() => visibleRows(state), [state]);

  const load = useCallback(async (parentId: string, cursor?: string) => {
    setState((s) => childrenLoading(s, parentId));
    const result = await loadChildrenAction(parentId, cursor);
    if (result.error) setState((s) => childrenFailed(s, parentId, result.error.message));
    else setState((s) => childrenLoaded(s, parentId, result.data, cursor !== undefined));
    return result;
  }, []);

  // The root starts open: its first page of children is the tree's first view.
  useEffect(() => {
    void load(root.id);
  }, [load, root.id]);

  const expand = useCallback(
    (id: string) => {
      setState((s) => setExpanded(s, id, true));
      const list = stateRef.current.children[id];
      if (!list || list.status === "error") void load(id);
    },
    [load],
  );

  const collapse = useCallback((id: string) => setState((s) => setExpanded(s, id, false)), []);

  const toggle = useCallback((id: string) => (stateRef.current.expanded[id] ? collapse(id) : expand(id)), [collapse, expand]);

  const loadMore = useCallback(
    (parentId: string) => {
      const list = stateRef.current.children[parentId];
      if (list?.nextCursor && list.status !== "loading") void load(parentId, list.nextCursor);
    },
    [load],
  );

  /** Shows a resource given its path (root first): loads the first page under each ancestor not loaded yet, then opens them all. */
  const reveal = useCallback(
    async (path: TreeNode[]) => {
      for (const step of path.slice(0, -1)) {
        if (!stateRef.current.children[step.id]) await load(step.id);
      }
      setState((s) => revealPath(s, path));
    },
    [load],
  );

  /** After a change: fresh counts for the nodes given, and their children loaded again when open. */
  const refresh = useCallback(
    (nodes: TreeNode[]) => {
      setState((s) => nodes.reduce((acc, n) => forgetChildren(acc, n.id), withNodes(s, nodes)));
      for (const n of nodes) if (stateRef.current.expanded[n.id]) void load(n.id);
    },
    [load],
  );

  return { state, rows, expand, collapse, toggle, loadMore, reveal, refresh, retry: load };
}

export type ResourceTreeModel = ReturnType<typeof useResourceTree>;
