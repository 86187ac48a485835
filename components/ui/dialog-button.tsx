"use client";

import { useState } from "react";
import { Dialog } from "./dialog";

type Props = {
  label: React.ReactNode;
  title: string;
  /** A fuller name for screen readers when the visible label is short ("Edit" → "Edit document"). */
  ariaLabel?: string;
  className?: string;
  children: (close: () => void) => React.ReactNode;
};

/** A button that opens a dialog; the content gets `close` to call when it is done. */
export function DialogButton({ label, title, ariaLabel, className = "button", children }: Props) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <>
      <button type="button" className={className} aria-label={ariaLabel} onClick={() => setOpen(true)}>
        {label}
      </button>
      <Dialog open={open} onClose={close} title={title}>
        {children(close)}
      </Dialog>
    </>
  );
}
