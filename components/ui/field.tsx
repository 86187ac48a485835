import { useId } from "react";

export type ControlProps = { id: string; "aria-invalid": boolean; "aria-describedby"?: string };

/**
 * A labelled form control with its hint and error underneath. The render
 * prop receives the ids that tie the control to its label and messages.
 */
export function Field({ label, error, hint, children }: { label: string; error?: string; hint?: React.ReactNode; children: (control: ControlProps) => React.ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : "", error ? errorId : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      {hint && <span className="field-hint" id={hintId}>{hint}</span>}
      {error && (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      )}
    </div>
  );
}
