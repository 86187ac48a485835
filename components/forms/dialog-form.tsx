"use client";

import { useFormState, type Control, type FieldValues } from "react-hook-form";
import { FormError } from "./form-error";

type Props<In extends FieldValues, Out> = {
  control: Control<In, unknown, Out>;
  onSubmit: (event: React.FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  /** The submit button's text ("Create role") and its text while the server works ("Creating…"). */
  submit: string;
  pending: string;
  disabled?: boolean;
  className?: string;
  children: React.ReactNode;
};

/**
 * The frame of every form in a console dialog: the fields, then the message
 * no field took, then Cancel and the submit button, disabled while sending.
 */
export function DialogForm<In extends FieldValues, Out>({ control, onSubmit, onCancel, submit, pending, disabled = false, className = "form", children }: Props<In, Out>) {
  const { errors, isSubmitting } = useFormState({ control });
  return (
    <form className={className} onSubmit={onSubmit} noValidate>
      {children}
      <FormError errors={errors} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel}>Cancel</button>
        <button type="submit" className="button button-primary" disabled={isSubmitting || disabled}>
          {isSubmitting ? pending : submit}
        </button>
      </div>
    </form>
  );
}
