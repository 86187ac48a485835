"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/app/(console)/_lib/result";
import { Dialog } from "./dialog";
import { ErrorMessage } from "./messages";

type Props = {
  /** What is deleted, as people say it: "resource type document". */
  name: string;
  consequence?: string;
  action: () => Promise<ActionResult<unknown>>;
};

/**
 * Delete after confirmation. When the domain refuses (the definition is still
 * used), its message says what uses it, and the dialog stays open to show it.
 */
export function DeleteButton({ name, consequence = "This cannot be undone.", action }: Props) {
  const [open, setOpen] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const confirm = () =>
    startTransition(async () => {
      const result = await action();
      if (result.error) setRefusal(result.error.message);
      else setOpen(false);
    });

  return (
    <>
      <button
        type="button"
        className="button button-ghost button-small danger"
        aria-label={`Delete ${name}`}
        onClick={() => {
          setRefusal(null);
          setOpen(true);
        }}
      >
        Delete
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Delete ${name}?`}>
        <div className="form">
          {refusal ? <ErrorMessage>Not deleted: {refusal}</ErrorMessage> : <p>{consequence}</p>}
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {refusal ? "Close" : "Cancel"}
            </button>
            {!refusal && (
              <button type="button" className="button button-danger" onClick={confirm} disabled={pending}>
                {pending ? "Deleting…" : "Delete"}
              </button>
            )}
          </div>
        </div>
      </Dialog>
    </>
  );
}
