/**
 * The grant form's values and how they become the API's create-grant input.
 * The form is checked with the API's own schema (createGrantSchema): each
 * issue is placed on the control that produced it.
 */
import type { FieldPath } from "react-hook-form";
import { createGrantSchema, type CreateGrantInput } from "@/lib/grants/schemas";
import type { Operator } from "@/lib/grants/conditions";
import type { FieldIssue } from "@/lib/shared/errors";
import type { SubjectHit } from "@/lib/subjects/search";
import type { TreeNode } from "@/components/resources/tree/tree-types";
import { resolverOptions } from "@/components/forms/zod-messages";

export type ConditionRow = { param: string; operator: Operator; value: string };

export type GrantFormValues = {
  subject: SubjectHit | null;
  targetKind: "resource" | "pattern";
  resource: TreeNode | null;
  resourcePattern: string;
  grantKind: "role" | "actions";
  role: string;
  actions: string;
  effect: "allow" | "deny";
  conditions: ConditionRow[];
};

const NUMERIC: Operator[] = ["NumericEquals", "NumericLessThan", "NumericGreaterThan"];
const LISTS: Operator[] = ["StringEquals", "StringNotEquals", "StringLike", "IpAddress"];

/** Text from the condition builder as the operator expects it: numbers, booleans, or comma-separated lists. */
export function conditionValue(operator: Operator, text: string): unknown {
  const trimmed = text.trim();
  if (NUMERIC.includes(operator)) return trimmed === "" ? undefined : Number(trimmed);
  if (operator === "Bool") return trimmed === "true" ? true : trimmed === "false" ? false : trimmed;
  if (LISTS.includes(operator)) {
    const items = trimmed.split(",").map((s) => s.trim()).filter(Boolean);
    return items.length > 1 ? items : (items[0] ?? "");
  }
  return trimmed;
}

export const splitActions = (text: string) => text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

export function toGrantInput(values: GrantFormValues, organization: string): CreateGrantInput {
  return {
    subject: values.subject?.ref ?? "",
    organization,
    ...(values.grantKind === "role" ? { role: values.role } : { actions: splitActions(values.actions) }),
    ...(values.targetKind === "resource" ? { resource: values.resource?.id ?? "" } : { resourcePattern: values.resourcePattern.trim() }),
    effect: values.effect,
    ...(values.conditions.length
      ? { conditions: values.conditions.map((c) => ({ param: c.param.trim(), operator: c.operator, value: conditionValue(c.operator, c.value) })) as CreateGrantInput["conditions"] }
      : {}),
  };
}

/** The form control an issue of the API schema belongs to (`conditions.2.value` stays as it is). */
export function fieldOf(path: string, values: GrantFormValues): FieldPath<GrantFormValues> | null {
  const [head, index, key] = path.split(/[.[\]]+/).filter(Boolean);
  if (head === "subject") return "subject";
  if (head === "role") return values.grantKind === "actions" ? "actions" : "role";
  if (head === "actions") return "actions";
  if (head === "resource") return values.targetKind === "pattern" ? "resourcePattern" : "resource";
  if (head === "resourcePattern") return "resourcePattern";
  if (head === "effect") return "effect";
  if (head === "conditions" && index !== undefined && /^\d+$/.test(index)) {
    return `conditions.${Number(index)}.${key === "param" || key === "operator" ? key : "value"}` as FieldPath<GrantFormValues>;
  }
  return null;
}

/** Plain words for what the generic messages say about the builder's controls. */
function friendly(field: string, message: string): string {
  if (field === "actions" && /too_small|>=1|at least/i.test(message)) return "Give at least one action, e.g. read";
  if (field.endsWith(".value") && /expected number/.test(message)) return "A number";
  if (field.endsWith(".value") && /expected boolean/.test(message)) return "true or false";
  if (/expected string, received undefined/.test(message)) return "Required";
  return message.replace(/^[\w.[\]]+: /, "");
}

export type PlacedIssue = { field: FieldPath<GrantFormValues> | null; message: string };

export function placeIssues(issues: FieldIssue[], values: GrantFormValues): PlacedIssue[] {
  return issues.map((i) => {
    const field = fieldOf(i.field, values);
    return { field, message: friendly(field ?? "", i.message) };
  });
}

/** Checks the form with the API's schema; issues come back named by form control. */
export function checkGrant(values: GrantFormValues, organization: string): PlacedIssue[] {
  const result = createGrantSchema.safeParse(toGrantInput(values, organization), resolverOptions);
  if (result.success) return [];
  return placeIssues(
    result.error.issues.map((i) => ({ field: i.path.map(String).join("."), rule: i.code, message: i.message })),
    values,
  );
}
