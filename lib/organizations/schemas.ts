import { z } from "zod";
import { pageQuerySchema } from "@/lib/shared/paging";
import { externalIdSchema, nameSchema } from "@/lib/resources/schemas";

export const createOrganizationSchema = z
  .object({
    externalId: externalIdSchema.optional().describe("your id for the tenant; also the root resource's external id"),
    name: nameSchema,
    scopeId: z.string().min(1).max(100).optional().describe("id or key of the scope whose definitions it inherits: its own scope is created as a child of it (default the root scope)"),
  })
  .strict();
export type CreateOrganizationInput = z.input<typeof createOrganizationSchema>;

export const updateOrganizationSchema = z.object({ name: nameSchema.optional() }).strict();

export const listOrganizationsQuerySchema = pageQuerySchema
  .extend({ search: z.string().trim().min(1).max(200).optional() })
  .strip();

/** The type of every organization's root resource (db/migrations/0001_bootstrap.sql); no other resource has it. */
export const ORGANIZATION_TYPE_ID = "rtype_organization";
