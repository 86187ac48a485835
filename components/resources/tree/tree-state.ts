/**
 * The tree's state as plain data, changed only by the pure functions below,
 * and flattened into the rows currently visible (expanded branches only):
 * the view renders just the slice of rows on screen, so a branch with
 * thousands of loaded children costs no more than the window shows.
 */
import type { ChildrenPage, TreeNode } from "./tree-types";

export type ChildList = { ids: string[]; nextCursor: string | null; status: "loading" | "ready" | "error"; error?: string };

export type TreeState = {
  rootId: string;
  nodes: Record<string, TreeNode>;
  children: Record<string, ChildList>;
  expanded: Record<string, boolean>;
};

export type Row =
  | { kind: "node"; key: string; node: TreeNode; depth: number; posinset: number; setsize: number; expanded: boolean }
  | { kind: "more"; key: string; parentId: string; depth: number; loaded: number; total: number; loading: boolean }
  | { kind: "status"; key: string; parentId: string; depth: number; error?: string };

export const initialTree = (root: TreeNode): TreeState => ({ rootId: root.id, nodes: { [root.id]: root }, children: {}, expanded: { [root.id]: true } });

export function withNodes(state: TreeState, nodes: TreeNode[]): TreeState {
  if (!nodes.length) return state;
  const merged = { ...state.nodes };
  for (const n of nodes) merged[n.id] = n;
  return { ...state, nodes: merged };
}

export function childrenLoading(state: TreeState, parentId: string): TreeState {
  const current = state.children[parentId];
  return { ...state, children: { ...state.children, [parentId]: { ids: current?.ids ?? [], nextCursor: current?.nextCursor ?? null, status: "loading" } } };
}

/** A page of children: the first replaces what was known, later ones append; ids already listed (revealed earlier) are not repeated. */
export function childrenLoaded(state: TreeState, parentId: string, page: ChildrenPage, append: boolean): TreeState {
  const before = append ? (state.children[parentId]?.ids ?? []) : [];
  const seen = new Set(before);
  const ids = [...before, ...page.items.map((n) => n.id).filter((id) => !seen.has(id))];
  const next = withNodes(state, page.items);
  return { ...next, children: { ...next.children, [parentId]: { ids, nextCursor: page.nextCursor, status: "ready" } } };
}

export function childrenFailed(state: TreeState, parentId: string, error: string): TreeState {
  const current = state.children[parentId];
  return { ...state, children: { ...state.children, [parentId]: { ids: current?.ids ?? [], nextCursor: current?.nextCursor ?? null, status: "error", error } } };
}

export const setExpanded = (state: TreeState, id: string, open: boolean): TreeState => ({ ...state, expanded: { ...state.expanded, [id]: open } });

/**
 * Opens every ancestor on `path` (root first, the resource last) and makes
 * sure each next step is listed under its parent even when it lies beyond the
 * pages loaded so far.
 */
export function revealPath(state: TreeState, path: TreeNode[]): TreeState {
  let next = withNodes(state, path);
  for (let i = 0; i < path.length - 1; i++) {
    const parent = path[i].id;
    const child = path[i + 1].id;
    const list = next.children[parent] ?? { ids: [], nextCursor: null, status: "ready" as const };
    const ids = list.ids.includes(child) ? list.ids : [...list.ids, child];
    next = { ...next, children: { ...next.children, [parent]: { ...list, ids } }, expanded: { ...next.expanded, [parent]: true } };
  }
  return next;
}

/** Forgets a branch's children (after a change below it), so the next expansion loads them again. */
export function forgetChildren(state: TreeState, parentId: string): TreeState {
  const children = { ...state.children };
  delete children[parentId];
  return { ...state, children };
}

type Visit = { id: string; depth: number; posinset: number; setsize: number } | { row: Row };

export function visibleRows(state: TreeState): Row[] {
  const rows: Row[] = [];
  if (!state.nodes[state.rootId]) return rows;
  // Depth-first with an explicit stack: a tree 100 levels deep must not recurse.
  const stack: Visit[] = [{ id: state.rootId, depth: 0, posinset: 1, setsize: 1 }];
  while (stack.length) {
    const item = stack.pop()!;
    if ("row" in item) {
      rows.push(item.row);
      continue;
    }
    const { id, depth, posinset, setsize } = item;
    const node = state.nodes[id];
    if (!node) continue;
    const expanded = !!state.expanded[id] && node.childCount > 0;
    rows.push({ kind: "node", key: id, node, depth, posinset, setsize, expanded });
    if (!expanded) continue;
    const list = state.children[id];
    const after: Row[] = [];
    if (!list || (list.status === "loading" && !list.ids.length)) after.push({ kind: "status", key: `status:${id}`, parentId: id, depth: depth + 1 });
    else if (list.status === "error") after.push({ kind: "status", key: `status:${id}`, parentId: id, depth: depth + 1, error: list.error });
    if (list?.nextCursor) {
      after.push({ kind: "more", key: `more:${id}`, parentId: id, depth: depth + 1, loaded: list.ids.length, total: node.childCount, loading: list.status === "loading" });
    }
    // Pushed in reverse so they pop in order: the children first, then the status and "more" rows.
    for (let i = after.length - 1; i >= 0; i--) stack.push({ row: after[i] });
    const ids = list?.ids ?? [];
    const setsizeBelow = Math.max(node.childCount, ids.length);
    for (let i = ids.length - 1; i >= 0; i--) stack.push({ id: ids[i], depth: depth + 1, posinset: i + 1, setsize: setsizeBelow });
  }
  return rows;
}
