"use server";

/**
 * Form checks against the API's own schemas, run on the server: the grant
 * and access schemas reach node:net (IP conditions, lib/grants/ip.ts), which
 * the browser bundle cannot load. Nothing is written; the answer is the
 * schema's field issues, in the words the forms show.
 */
import type { z } from "zod";
import { createGrantSchema } from "@/lib/grants/schemas";
import { checkSchema, lookupResourcesSchema, lookupSubjectsSchema } from "@/lib/access/schemas";
import type { FieldIssue } from "@/lib/shared/errors";
import { resolverOptions } from "@/components/forms/zod-messages";
import { consoleAction } from "./action";

function issuesOf(schema: z.ZodType, input: unknown): FieldIssue[] {
  const result = schema.safeParse(input, resolverOptions);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ field: i.path.map(String).join("."), rule: i.code, message: i.message }));
}

export async function validateGrantAction(input: unknown) {
  return consoleAction(async () => issuesOf(createGrantSchema, input));
}

const QUESTIONS = { check: checkSchema, reach: lookupResourcesSchema, who: lookupSubjectsSchema };

export async function validateQuestionAction(kind: keyof typeof QUESTIONS, input: unknown) {
  return consoleAction(async () => issuesOf(QUESTIONS[kind] ?? checkSchema, input));
}
