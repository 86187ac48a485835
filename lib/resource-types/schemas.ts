import { z } from "zod";

export const TYPE_KEY_RULE = /^[a-z][a-z0-9-]{0,63}$/;

export const typeKeySchema = z
  .string()
  .regex(TYPE_KEY_RULE, "must be lowercase and singular: a letter, then letters, digits or '-', at most 64 (e.g. document, leave-request)");

export const createResourceTypeSchema = z
  .object({
    key: typeKeySchema,
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).optional(),
    scopeId: z.string().min(1).max(100).optional(),
  })
  .strict();
export type CreateResourceTypeInput = z.input<typeof createResourceTypeSchema>;

export const MAX_BATCH = 100;
export const createResourceTypesBatchSchema = z.array(createResourceTypeSchema).min(1).max(MAX_BATCH);

export const updateResourceTypeSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(2000).nullable().optional(),
  })
  .strict();

const typeRef = z.string().min(1).max(100);
export const typeRuleSchema = z
  .object({
    parentTypeId: typeRef.describe("parent type id or key"),
    childTypeId: typeRef.describe("child type id or key"),
    scopeId: z.string().min(1).max(100).optional().describe("resolves keys when several scopes define them"),
  })
  .strict();
