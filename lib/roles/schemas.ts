import { z } from "zod";
import { typeKeySchema } from "@/lib/resource-types/schemas";

export const ROLE_SLUG_RULE = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const roleSlugSchema = z.string().regex(ROLE_SLUG_RULE, "lowercase letters, digits, _ or -, starting with a letter or digit; at most 64");

const permissionKeys = z.array(z.string().min(1).max(400)).max(500);

export const createRoleSchema = z
  .object({
    slug: roleSlugSchema,
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).optional(),
    scopeId: z.string().min(1).max(100).optional(),
    resourceType: typeKeySchema.optional(),
    permissions: permissionKeys.default([]),
    includes: z.array(roleSlugSchema).max(50).default([]),
  })
  .strict();
export type CreateRoleInput = z.input<typeof createRoleSchema>;

export const updateRoleSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(2000).nullable().optional(),
    permissions: permissionKeys.optional(),
    includes: z.array(roleSlugSchema).max(50).optional(),
  })
  .strict();

export const setRolePermissionsSchema = z.object({ permissions: permissionKeys }).strict();
