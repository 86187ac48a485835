import type { FieldIssue } from "@/lib/shared/errors";

/**
 * What every console server action answers. Errors come back as data, never
 * as a thrown exception, so forms can put each issue next to its field.
 */
export type ActionError = { message: string; issues: FieldIssue[] };

export type ActionResult<T> = { data: T; error?: undefined } | { data?: undefined; error: ActionError };
