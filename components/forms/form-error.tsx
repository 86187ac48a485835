import type { FieldErrors } from "react-hook-form";
import { ErrorMessage } from "@/components/ui/messages";

/** The form-level message: a server refusal that names no field of this form. */
export function FormError({ errors }: { errors: FieldErrors }) {
  const message = errors.root?.server?.message;
  return message ? <ErrorMessage>{message}</ErrorMessage> : null;
}
