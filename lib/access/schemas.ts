import { z } from "zod";
import { contextSchema } from "@/lib/grants/conditions";
import { MAX_PATTERN_LENGTH } from "@/lib/shared/glob";

const ref = z.string().min(1).max(400);
const revision = z.coerce.number().int().min(0);

/** An action (`read`) or a permission key (`document:read`). */
export const actionRefSchema = z.string().min(1).max(200).regex(/^[A-Za-z*][A-Za-z0-9_.:*-]*$/, "an action such as read, or a permission key such as document:read");

export const checkSchema = z
  .object({
    subject: ref,
    action: actionRefSchema,
    resource: ref,
    organization: ref.optional(),
    context: contextSchema.optional(),
    atLeastAsFresh: revision.optional(),
  })
  .strict();
export type CheckInput = z.input<typeof checkSchema>;

export const MAX_BATCH_CHECKS = 1000;
export const checkBatchSchema = z
  .object({
    checks: z.array(checkSchema.omit({ atLeastAsFresh: true })).min(1).max(MAX_BATCH_CHECKS),
    atLeastAsFresh: revision.optional(),
  })
  .strict();

export const explainSchema = checkSchema;

const patterns = z.array(z.string().min(1).max(MAX_PATTERN_LENGTH)).max(50);

export const lookupResourcesSchema = z
  .object({
    subject: ref,
    action: actionRefSchema,
    resourceType: z.string().min(1).max(64).optional(),
    patterns: patterns.optional(),
    organization: ref.optional(),
    includeDenied: z.boolean().default(false),
    context: contextSchema.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    cursor: z.string().max(200).optional(),
    atLeastAsFresh: revision.optional(),
  })
  .strict();
export type LookupResourcesInput = z.input<typeof lookupResourcesSchema>;

export const lookupSubjectsSchema = z
  .object({
    resource: ref,
    action: actionRefSchema.optional(),
    organization: ref.optional(),
    /** `direct`: only grants on the resource itself; `inherited` (default): ancestors and patterns too. */
    assignment: z.enum(["direct", "inherited"]).default("inherited"),
    includeActions: z.boolean().default(true),
    context: contextSchema.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    cursor: z.string().max(200).optional(),
    atLeastAsFresh: revision.optional(),
  })
  .strict();
export type LookupSubjectsInput = z.input<typeof lookupSubjectsSchema>;

export const effectiveActionsSchema = z
  .object({
    subject: ref,
    resource: ref,
    organization: ref.optional(),
    context: contextSchema.optional(),
    atLeastAsFresh: revision.optional(),
  })
  .strict();
