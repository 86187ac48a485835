import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionError } from "@/app/(console)/_lib/result";

/**
 * Puts the domain's field issues (`key`, `permissions[2]`, `includes`) on the
 * form fields they name; whatever names no field of this form becomes the
 * form-level error, so nothing the server said is lost.
 */
export function applyServerError<T extends FieldValues>(setError: UseFormSetError<T>, error: ActionError, fields: readonly Path<T>[]) {
  const unplaced: string[] = [];
  for (const issue of error.issues) {
    const field = fields.find((f) => f === issue.field.split(/[.[]/)[0]);
    const message = issue.message.replace(`${issue.field}: `, "");
    if (field) setError(field, { type: issue.rule, message }, { shouldFocus: true });
    else unplaced.push(issue.message);
  }
  if (!error.issues.length || unplaced.length) {
    setError("root.server", { type: "server", message: unplaced.length ? unplaced.join("; ") : error.message });
  }
}
