"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { countDescendantsAction, deleteResourceAction } from "@/app/(console)/resources/_actions/resources";
import { Dialog } from "@/components/ui/dialog";
import { ErrorMessage } from "@/components/ui/messages";
import { useSharedTree } from "./tree/tree-context";
import type { TreeNode } from "./tree/tree-types";

type Counts = { descendants: number; grants: number };

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

/**
 * Cascade delete after a confirmation that says, counted by the server when
 * the dialog opens, how many resources below and grants go with it.
 */
export function DeleteResourceButton({ organizationId, resource }: { organizationId: string; resource: TreeNode }) {
  const router = useRouter();
  const tree = useSharedTree();
  const [open, setOpen] = useState(false);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const start = async () => {
    setCounts(null);
    setError(null);
    setOpen(true);
    const result = await countDescendantsAction(resource.id);
    if (result.error) setError(result.error.message);
    else setCounts(result.data);
  };

  const confirm = () =>
    startTransition(async () => {
      const result = await deleteResourceAction(resource.id);
      if (result.error) return setError(result.error.message);
      setOpen(false);
      tree?.refresh(result.data.touched);
      router.push(`/resources/${organizationId}${result.data.parentId ? `/${result.data.parentId}` : ""}`);
    });

  return (
    <>
      <button type="button" className="button danger-outline" onClick={start}>
        Delete
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Delete ${resource.name}?`}>
        <div className="form">
          {error ? (
            <ErrorMessage>Not deleted: {error}</ErrorMessage>
          ) : counts === null ? (
            <p className="muted" role="status">Counting what a delete removes…</p>
          ) : (
            <div data-testid="delete-consequences">
              <p>
                This deletes <strong>{resource.name}</strong>
                {counts.descendants > 0 ? (
                  <>
                    , <strong>{plural(counts.descendants, "resource", "resources")}</strong> below it
                  </>
                ) : null}{" "}
                and <strong>{plural(counts.grants, "grant", "grants")}</strong> on {counts.descendants > 0 ? "them" : "it"}.
              </p>
              <p className="muted small">Everything goes in one step, recorded in the change log. This cannot be undone.</p>
            </div>
          )}
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {error ? "Close" : "Cancel"}
            </button>
            {!error && (
              <button type="button" className="button button-danger" onClick={confirm} disabled={pending || counts === null}>
                {pending ? "Deleting…" : counts && counts.descendants > 0 ? `Delete ${plural(counts.descendants + 1, "resource", "resources")}` : "Delete"}
              </button>
            )}
          </div>
        </div>
      </Dialog>
    </>
  );
}
