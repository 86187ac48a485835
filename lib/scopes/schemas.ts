import { z } from "zod";

export const ROOT_SCOPE_ID = "scope_default";

export const scopeIdSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^scope_[A-Za-z0-9_-]+$/, "must look like scope_<letters, digits, _ or ->");

export const scopeKeySchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, "letters, digits, _ . : - only, starting with a letter or digit");

export const createScopeSchema = z
  .object({
    id: scopeIdSchema.optional(),
    key: scopeKeySchema.optional(),
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).optional(),
    parentId: z.string().min(1).max(100).optional(),
  })
  .strict();
export type CreateScopeInput = z.input<typeof createScopeSchema>;

export const updateScopeSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(2000).nullable().optional(),
  })
  .strict();
