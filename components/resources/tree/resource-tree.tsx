"use client";

import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { TypeIcon } from "../type-icon";
import type { Row } from "./tree-state";
import type { TreeNode } from "./tree-types";
import type { ResourceTreeModel } from "./use-resource-tree";

/** Every row has the same height, so the window of rows on screen is plain arithmetic. */
const ROW_HEIGHT = 30;
/** Rows rendered beyond each edge of the window, so fast scrolling shows no gaps. */
const OVERSCAN = 12;

type Props = {
  tree: ResourceTreeModel;
  label: string;
  selectedId?: string;
  onSelect: (node: TreeNode) => void;
  /** Pixel height of the scrolling window. */
  height: number;
};

const countLabel = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "child" : "children"}`;

/**
 * A virtualised ARIA tree: only the rows in view are in the page, however
 * many are expanded. Focus stays on the tree; the active row is named by
 * aria-activedescendant and moved with the arrow keys, Home and End; Right
 * opens (or steps into) a branch, Left closes it (or steps to the parent),
 * Enter or Space selects.
 */
export function ResourceTree({ tree, label, selectedId, onSelect, height }: Props) {
  const { rows } = tree;
  const baseId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [activeKey, setActiveKey] = useState<string | undefined>(selectedId);
  const activeIndex = Math.max(0, rows.findIndex((r) => r.key === activeKey));
  const rowId = (key: string) => `${baseId}-${key.replace(/[^A-Za-z0-9_-]/g, "_")}`;

  const scrollToIndex = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      if (!el) return;
      const top = index * ROW_HEIGHT;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
      setScrollTop(el.scrollTop);
    },
    [],
  );

  // A selection made elsewhere (a link, a search hit) becomes the active row, scrolled into view once it is listed.
  useEffect(() => setActiveKey(selectedId), [selectedId]);
  const selectedIndex = selectedId ? rows.findIndex((r) => r.key === selectedId) : -1;
  useLayoutEffect(() => {
    if (selectedIndex >= 0) scrollToIndex(selectedIndex);
  }, [selectedIndex, scrollToIndex]);

  const activate = (index: number) => {
    const row = rows[Math.min(Math.max(index, 0), rows.length - 1)];
    if (!row) return;
    setActiveKey(row.key);
    scrollToIndex(rows.indexOf(row));
  };

  const choose = (row: Row) => {
    if (row.kind === "node") onSelect(row.node);
    else if (row.kind === "more") tree.loadMore(row.parentId);
    else if (row.error) void tree.retry(row.parentId);
  };

  const onKeyDown = (event: React.KeyboardEvent) => {
    const row = rows[activeIndex];
    if (!row) return;
    switch (event.key) {
      case "ArrowDown":
        activate(activeIndex + 1);
        break;
      case "ArrowUp":
        activate(activeIndex - 1);
        break;
      case "Home":
        activate(0);
        break;
      case "End":
        activate(rows.length - 1);
        break;
      case "ArrowRight":
        if (row.kind === "node" && row.node.childCount > 0) {
          if (!row.expanded) tree.expand(row.node.id);
          // Into the first child once it is listed (not onto the "Loading…" row that stands for it).
          else if (rows[activeIndex + 1]?.kind === "node") activate(activeIndex + 1);
        }
        break;
      case "ArrowLeft":
        if (row.kind === "node" && row.expanded) tree.collapse(row.node.id);
        else {
          const parentId = row.kind === "node" ? row.node.parentId : row.parentId;
          const parentIndex = rows.findIndex((r) => r.key === parentId);
          if (parentIndex >= 0) activate(parentIndex);
        }
        break;
      case "Enter":
      case " ":
        choose(row);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  const active = rows[activeIndex];

  return (
    <div ref={scrollRef} className="tree-scroll" style={{ height }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <div
        role="tree"
        aria-label={label}
        tabIndex={0}
        className="tree"
        aria-activedescendant={active ? rowId(active.key) : undefined}
        onKeyDown={onKeyDown}
        style={{ height: rows.length * ROW_HEIGHT }}
      >
        {rows.slice(first, last).map((row, i) => (
          <TreeRow
            key={row.key}
            row={row}
            id={rowId(row.key)}
            top={(first + i) * ROW_HEIGHT}
            active={row.key === active?.key}
            selected={row.kind === "node" && row.node.id === selectedId}
            onClick={() => {
              setActiveKey(row.key);
              choose(row);
            }}
            onToggle={row.kind === "node" && row.node.childCount > 0 ? () => tree.toggle(row.node.id) : undefined}
          />
        ))}
      </div>
    </div>
  );
}

type RowProps = { row: Row; id: string; top: number; active: boolean; selected: boolean; onClick: () => void; onToggle?: () => void };

function TreeRow({ row, id, top, active, selected, onClick, onToggle }: RowProps) {
  const style = { top, height: ROW_HEIGHT, paddingLeft: `${0.4 + row.depth * 1.1}rem` };
  const className = `tree-row${active ? " is-active" : ""}${selected ? " is-selected" : ""}`;
  if (row.kind === "more") {
    const label = row.loading ? "Loading more…" : `Show more (${row.loaded.toLocaleString("en")} of ${row.total.toLocaleString("en")} shown)`;
    return (
      <div role="treeitem" aria-level={row.depth + 1} aria-selected={false} id={id} className={`${className} tree-more`} style={style} onClick={onClick} aria-label={label}>
        <span className="tree-twisty" aria-hidden="true" />
        {label}
      </div>
    );
  }
  if (row.kind === "status") {
    const label = row.error ? `Could not load: ${row.error}. Retry` : "Loading…";
    return (
      <div role="treeitem" aria-level={row.depth + 1} aria-selected={false} id={id} className={`${className} tree-status${row.error ? " is-error" : ""}`} style={style} onClick={onClick} aria-label={label}>
        <span className="tree-twisty" aria-hidden="true" />
        {label}
      </div>
    );
  }
  const { node } = row;
  return (
    <div
      role="treeitem"
      id={id}
      aria-level={row.depth + 1}
      aria-posinset={row.posinset}
      aria-setsize={row.setsize}
      aria-expanded={node.childCount > 0 ? row.expanded : undefined}
      aria-selected={selected}
      aria-label={`${node.name} (${node.type})`}
      data-resource-id={node.id}
      className={className}
      style={style}
      onClick={onClick}
    >
      <span
        className="tree-twisty"
        aria-hidden="true"
        onClick={(e) => {
          if (!onToggle) return;
          e.stopPropagation();
          onToggle();
        }}
      >
        {node.childCount > 0 ? (row.expanded ? "▾" : "▸") : ""}
      </span>
      <TypeIcon type={node.type} />
      <span className="tree-name">{node.name}</span>
      {node.childCount > 0 && (
        <span className="tree-count" title={countLabel(node.childCount)}>
          {node.childCount.toLocaleString("en")}
        </span>
      )}
    </div>
  );
}
