/**
 * The domain's one error vocabulary. Each API family's adapter maps these
 * kinds onto its own wire format and status codes; lib/ never speaks HTTP.
 */
import type { z } from "zod";

export type ErrorKind =
  | "validation" // input breaks a rule: names the field and the rule
  | "not_found"
  | "conflict" // duplicate, still in use, ambiguous reference
  | "unauthenticated"
  | "forbidden"
  | "limit"; // too large, too many

export type FieldIssue = { field: string; rule: string; message: string };

const BRAND = Symbol.for("arbor.error");

export class ArborError extends Error {
  readonly kind: ErrorKind;
  readonly issues: FieldIssue[];

  constructor(kind: ErrorKind, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = "ArborError";
    this.kind = kind;
    this.issues = issues;
    Object.defineProperty(this, BRAND, { value: true });
  }

  /**
   * Recognises an ArborError made by any copy of lib/ in the process: the
   * engine is shared between copies (lib/shared/process-global.ts), so an
   * error it throws may come from another copy's class. Subclasses keep the
   * ordinary check.
   */
  static [Symbol.hasInstance](value: unknown): boolean {
    if (this !== ArborError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === "object" && value !== null && BRAND in value;
  }

  /** The first named field, for wire formats that carry only one. */
  get field(): string | undefined {
    return this.issues[0]?.field;
  }
}

export const invalid = (field: string, rule: string, message: string) =>
  new ArborError("validation", message, [{ field, rule, message }]);

export const notFound = (entity: string, ref: string, field?: string) =>
  new ArborError(
    "not_found",
    `${entity} '${ref}' not found`,
    field ? [{ field, rule: "exists", message: `${entity} '${ref}' not found` }] : [],
  );

export const conflict = (message: string, field?: string, rule = "unique") =>
  new ArborError("conflict", message, field ? [{ field, rule, message }] : []);

export const limitExceeded = (field: string, message: string) =>
  new ArborError("limit", message, [{ field, rule: "limit", message }]);

/** Turns zod issues into field issues: path joined with dots, zod's code as the rule. */
export function fromZod(error: z.ZodError, prefix?: string): ArborError {
  const issues = error.issues.map((issue) => {
    const pathText = issue.path.map(String).join(".");
    const field = [prefix, pathText].filter(Boolean).join(".") || "body";
    return { field, rule: ruleOf(issue), message: `${field}: ${issue.message}` };
  });
  return new ArborError("validation", issues.map((i) => i.message).join("; "), issues);
}

function ruleOf(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_format" && "format" in issue) return `format:${issue.format}`;
  if (issue.code === "too_big" || issue.code === "too_small") return issue.code;
  if (issue.code === "invalid_type") return `type:${issue.expected}`;
  return issue.code;
}

/** Parses with a schema, throwing the domain's validation error. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, prefix?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZod(result.error, prefix);
  return result.data;
}
