"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/app/(console)/_lib/result";
import { Dialog } from "./dialog";
import { ErrorMessage } from "./messages";

type Props = {
  /** The button's text ("Revoke", "Remove") and its fuller name for screen readers. */
  label: string;
  ariaLabel: string;
  title: string;
  body: React.ReactNode;
  action: () => Promise<ActionResult<unknown>>;
  /** Where to go afterwards (the thing deleted has no page any more). */
  then?: string;
  danger?: boolean;
};

/** A change confirmed in a dialog first; a refusal from the domain stays in the dialog, saying why. */
export function ConfirmButton({ label, ariaLabel, title, body, action, then, danger = true }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirm = () =>
    startTransition(async () => {
      const result = await action();
      if (result.error) return setError(result.error.message);
      setOpen(false);
      if (then) router.push(then);
    });
  return (
    <>
      <button
        type="button"
        className={`button button-ghost button-small${danger ? " danger" : ""}`}
        aria-label={ariaLabel}
        onClick={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {label}
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title={title}>
        <div className="form">
          {error ? <ErrorMessage>Not done: {error}</ErrorMessage> : <div>{body}</div>}
          <div className="form-actions">
            <button type="button" className="button" onClick={() => setOpen(false)}>
              {error ? "Close" : "Cancel"}
            </button>
            {!error && (
              <button type="button" className={danger ? "button button-danger" : "button button-primary"} onClick={confirm} disabled={pending}>
                {pending ? "Working…" : label}
              </button>
            )}
          </div>
        </div>
      </Dialog>
    </>
  );
}
