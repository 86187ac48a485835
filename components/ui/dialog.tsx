"use client";

import { useEffect, useId, useRef } from "react";

/**
 * A modal on the native <dialog> element: the browser traps focus, closes on
 * Escape and restores focus afterwards. Children mount only while open, so
 * every opening starts with a fresh form; focus starts on the first control
 * of the body rather than on the close button.
 */
export function Dialog({ open, onClose, title, children }: { open: boolean; onClose: () => void; title: string; children: React.ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>(".dialog-body :is(input, select, textarea, button)")?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onClose={onClose}>
      {open && (
        <>
          <div className="dialog-header">
            <h2 id={titleId}>{title}</h2>
            <button type="button" className="button button-ghost button-small" onClick={onClose} aria-label="Close dialog">
              ✕
            </button>
          </div>
          <div className="dialog-body">{children}</div>
        </>
      )}
    </dialog>
  );
}
