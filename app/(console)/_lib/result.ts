import { ArborError, type FieldIssue } from "@/lib/shared/errors";

/**
 * What every console server action answers. Errors come back as data, never
 * as a thrown exception, so forms can put each issue next to its field.
 */
export type ActionError = { message: string; issues: FieldIssue[] };

export type ActionResult<T> = { data: T; error?: undefined } | { data?: undefined; error: ActionError };

/** The domain's refusals as they are; anything else is logged and told only as "nothing was saved". */
export function toActionError(error: unknown, where: string): ActionError {
  if (error instanceof ArborError) return { message: error.message, issues: error.issues };
  console.error(`${where}: unexpected error`, error);
  return { message: "Something went wrong on the server; nothing was saved. Try again, or check the server log.", issues: [] };
}
