import type { z } from "zod";

/**
 * Plain-language messages for zod's generic issues in the browser. Messages a
 * schema spells out itself (key formats) take precedence over these.
 */
export function friendlyMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === "too_small" && issue.origin === "string") return Number(issue.minimum) <= 1 ? "Required" : `At least ${issue.minimum} characters`;
  if (issue.code === "too_big" && issue.origin === "string") return `At most ${issue.maximum} characters`;
  return undefined;
}

export const resolverOptions = { error: friendlyMessage };

/** Optional text inputs: an empty box means "not given", not an empty string. */
export const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

/** Optional text on edit: emptying the box clears the stored value. */
export const emptyAsNull = (value: unknown) => (value === "" ? null : value);
