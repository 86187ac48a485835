"use client";

import { useEffect, useState } from "react";
import { useParams, useRouter } from "next/navigation";
import { resourcePathAction } from "@/app/(console)/resources/_actions/tree";
import { ErrorMessage } from "@/components/ui/messages";
import { ResourceTree } from "./resource-tree";
import { useSharedTree } from "./tree-context";
import { TreeSearch } from "./tree-search";
import type { TreeNode } from "./tree-types";

const TREE_HEIGHT = 560;

/** The tree beside the resource pages: selecting a node opens its page; the open page's resource is revealed and selected. */
export function TreePanel({ organizationId, organizationName, rootId }: { organizationId: string; organizationName: string; rootId: string }) {
  const tree = useSharedTree()!;
  const router = useRouter();
  const params = useParams<{ resource?: string }>();
  const selectedId = params.resource ? decodeURIComponent(params.resource) : rootId;
  const [query, setQuery] = useState("");
  const [revealError, setRevealError] = useState<string | null>(null);
  const node = tree.state.nodes[selectedId];
  // Known: listed under the parent the tree has for it (collapsing a branch does not make it unknown).
  const known = !!node && (!node.parentId || !!tree.state.children[node.parentId]?.ids.includes(selectedId));

  // Opened by a link (a grant's source, a child table) or moved: fetch its path and open the branches down to it.
  useEffect(() => {
    if (known) return;
    let current = true;
    resourcePathAction(selectedId).then((result) => {
      if (!current) return;
      if (result.error) setRevealError(result.error.message);
      else {
        setRevealError(null);
        void tree.reveal(result.data);
      }
    });
    return () => {
      current = false;
    };
    // Asked again whenever the selection becomes unknown: its old parent's children reloaded after a move.
  }, [selectedId, known]);

  const open = (node: TreeNode) => router.push(`/resources/${organizationId}/${node.id}`);

  return (
    <aside className="panel tree-panel" aria-label="Resource tree">
      <TreeSearch
        organizationId={organizationId}
        query={query}
        onQueryChange={setQuery}
        onPick={(hit) => {
          setQuery("");
          void tree.reveal([...hit.path, hit]);
          open(hit);
        }}
      />
      {revealError && <ErrorMessage>{revealError}</ErrorMessage>}
      <ResourceTree tree={tree} label={`Resources of ${organizationName}`} selectedId={selectedId} onSelect={open} height={TREE_HEIGHT} />
      <p className="small muted tree-help">Arrow keys move, Right and Left open and close, Enter opens the page.</p>
    </aside>
  );
}
