import { z } from "zod";
import { MAX_PATTERN_LENGTH } from "@/lib/shared/glob";
import { typeKeySchema } from "@/lib/resource-types/schemas";

export const ACTION_RULE = /^[a-zA-Z][a-zA-Z0-9_.-]{0,63}$/;
export const actionSchema = z.string().regex(ACTION_RULE, "must start with a letter; letters, digits, _ . - only; at most 64");

/** Glob over external ids: printable characters, no whitespace, `*` as wildcard. */
export const resourcePatternSchema = z
  .string()
  .min(1)
  .max(MAX_PATTERN_LENGTH)
  .regex(/^[^\s]+$/, "must not contain whitespace");

export const createPermissionSchema = z
  .object({
    scopeId: z.string().min(1).max(100).optional(),
    action: actionSchema,
    resourceType: typeKeySchema,
    resourcePattern: resourcePatternSchema.default("*"),
    key: z.string().min(1).max(400).optional(),
    label: z.string().max(200).optional(),
    description: z.string().max(2000).optional(),
  })
  .strict();
export type CreatePermissionInput = z.input<typeof createPermissionSchema>;

export const MAX_BATCH = 100;
export const createPermissionsBatchSchema = z.array(createPermissionSchema).min(1).max(MAX_BATCH);

export const updatePermissionSchema = z
  .object({
    label: z.string().max(200).nullable().optional(),
    description: z.string().max(2000).nullable().optional(),
  })
  .strict();

export type PermissionKeyParts = { resourceType: string; action: string; resourcePattern: string };

/**
 * `type:action` or `type:action:pattern`; the two-part form means pattern `*`.
 * The pattern may itself contain ':' (external ids such as `books:123`).
 */
export function parsePermissionKey(key: string): PermissionKeyParts | null {
  const [resourceType, action, ...rest] = key.split(":");
  if (!resourceType || !action) return null;
  const resourcePattern = rest.length ? rest.join(":") : "*";
  if (!typeKeySchema.safeParse(resourceType).success || !ACTION_RULE.test(action) || !resourcePattern) return null;
  return { resourceType, action, resourcePattern };
}

export const canonicalPermissionKey = (p: PermissionKeyParts) =>
  p.resourcePattern === "*" ? `${p.resourceType}:${p.action}` : `${p.resourceType}:${p.action}:${p.resourcePattern}`;
