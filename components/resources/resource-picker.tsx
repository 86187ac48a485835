"use client";

import { useEffect, useId, useState } from "react";
import { resourcePathAction } from "@/app/(console)/resources/_actions/tree";
import { ResourceTree } from "./tree/resource-tree";
import { TreeSearch } from "./tree/tree-search";
import type { TreeNode } from "./tree/tree-types";
import { useResourceTree } from "./tree/use-resource-tree";
import { TypeIcon } from "./type-icon";

type Props = {
  organizationId: string;
  root: TreeNode;
  label: string;
  value: TreeNode | null;
  onChange: (node: TreeNode) => void;
  error?: string;
  hint?: string;
};

const PICKER_HEIGHT = 210;

/** Picks one resource of an organization: search by name or external id, or browse its tree (the same lazy tree as the resource pages). */
export function ResourcePicker({ organizationId, root, label, value, onChange, error, hint }: Props) {
  const tree = useResourceTree(root);
  const [query, setQuery] = useState("");
  const errorId = useId();

  // A value given from the start (the question in the address bar) is shown open in the tree, once.
  const initialId = useState(value?.id)[0];
  useEffect(() => {
    if (!initialId) return;
    resourcePathAction(initialId).then((result) => {
      if (!result.error) void tree.reveal(result.data);
    });
  }, [initialId, tree.reveal]);
  return (
    <fieldset className="field resource-picker" aria-describedby={error ? errorId : undefined} aria-invalid={error ? true : undefined}>
      <legend>{label}</legend>
      <p className="picker-value" aria-live="polite">
        {value ? (
          <>
            <TypeIcon type={value.type} /> <strong>{value.name}</strong> <span className="muted small mono">{value.type}:{value.externalId}</span>
          </>
        ) : (
          <span className="muted">Nothing chosen yet.</span>
        )}
      </p>
      <TreeSearch
        organizationId={organizationId}
        query={query}
        label={`Search for ${label.toLowerCase()}`}
        onQueryChange={setQuery}
        onPick={(hit) => {
          setQuery("");
          void tree.reveal([...hit.path, hit]);
          onChange(hit);
        }}
      />
      <ResourceTree tree={tree} label={`Choose ${label.toLowerCase()}`} selectedId={value?.id} onSelect={onChange} height={PICKER_HEIGHT} />
      {hint && <span className="field-hint">{hint}</span>}
      {error && (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      )}
    </fieldset>
  );
}
