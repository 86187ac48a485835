/**
 * Grant conditions: `{param, operator, value}` evaluated against the context
 * given to a check. All conditions of a grant must hold. A missing context
 * parameter makes a condition false (fail closed), except StringNotEquals.
 */
import { z } from "zod";
import { globMatch, MAX_PATTERN_LENGTH } from "@/lib/shared/glob";
import { ipInCidr, isCidr } from "./ip";

export const OPERATORS = [
  "StringEquals",
  "StringNotEquals",
  "StringLike",
  "NumericEquals",
  "NumericLessThan",
  "NumericGreaterThan",
  "Bool",
  "IpAddress",
  "DateLessThan",
  "DateGreaterThan",
] as const;
export type Operator = (typeof OPERATORS)[number];

const param = z.string().regex(/^[A-Za-z_][A-Za-z0-9_.:-]{0,63}$/, "letters, digits, _ . : - only; at most 64");
const strings = z.union([z.string().max(MAX_PATTERN_LENGTH), z.array(z.string().max(MAX_PATTERN_LENGTH)).min(1).max(50)]);
const isoDate = z.string().refine((v) => !Number.isNaN(Date.parse(v)), "must be an ISO 8601 date");
const cidrs = z.union([z.string(), z.array(z.string()).min(1).max(50)]).refine(
  (v) => (Array.isArray(v) ? v : [v]).every(isCidr),
  "must be an IP address or CIDR range (e.g. 10.0.0.0/8)",
);

export const conditionSchema = z.discriminatedUnion("operator", [
  z.object({ param, operator: z.literal("StringEquals"), value: strings }).strict(),
  z.object({ param, operator: z.literal("StringNotEquals"), value: strings }).strict(),
  z.object({ param, operator: z.literal("StringLike"), value: strings }).strict(),
  z.object({ param, operator: z.literal("NumericEquals"), value: z.number().finite() }).strict(),
  z.object({ param, operator: z.literal("NumericLessThan"), value: z.number().finite() }).strict(),
  z.object({ param, operator: z.literal("NumericGreaterThan"), value: z.number().finite() }).strict(),
  z.object({ param, operator: z.literal("Bool"), value: z.boolean() }).strict(),
  z.object({ param, operator: z.literal("IpAddress"), value: cidrs }).strict(),
  z.object({ param, operator: z.literal("DateLessThan"), value: isoDate }).strict(),
  z.object({ param, operator: z.literal("DateGreaterThan"), value: isoDate }).strict(),
]);
export type Condition = z.infer<typeof conditionSchema>;
export const conditionsSchema = z.array(conditionSchema).max(20);

/** Context values are flat: strings, numbers, booleans (dates and IPs as strings). */
export const contextSchema = z.record(z.string().max(64), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()])).refine(
  (c) => Object.keys(c).length <= 100,
  "at most 100 context entries",
);
export type CheckContext = z.infer<typeof contextSchema>;

const list = (v: string | string[]) => (Array.isArray(v) ? v : [v]);

function holds(c: Condition, context: CheckContext): boolean {
  const raw = context[c.param];
  if (raw === undefined || raw === null) return c.operator === "StringNotEquals";
  switch (c.operator) {
    case "StringEquals":
      return list(c.value).includes(String(raw));
    case "StringNotEquals":
      return !list(c.value).includes(String(raw));
    case "StringLike":
      return list(c.value).some((p) => globMatch(p, String(raw)));
    case "NumericEquals":
      return Number(raw) === c.value;
    case "NumericLessThan":
      return Number(raw) < c.value;
    case "NumericGreaterThan":
      return Number(raw) > c.value;
    case "Bool":
      return (raw === true || raw === "true") === c.value;
    case "IpAddress":
      return list(c.value).some((cidr) => ipInCidr(String(raw), cidr));
    case "DateLessThan":
      return Date.parse(String(raw)) < Date.parse(c.value);
    case "DateGreaterThan":
      return Date.parse(String(raw)) > Date.parse(c.value);
  }
}

export function conditionsHold(conditions: readonly Condition[] | null | undefined, context: CheckContext): boolean {
  if (!conditions?.length) return true;
  return conditions.every((c) => holds(c, context));
}
