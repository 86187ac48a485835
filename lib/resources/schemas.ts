import { z } from "zod";
import { pageQuerySchema } from "@/lib/shared/paging";

/** External ids come from the caller's system (GenAuth "code", `books:123`): any printable text. */
export const externalIdSchema = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[^\p{Cc}]*$/u, "must not contain control characters");

export const nameSchema = z.string().trim().min(1).max(200);
export const descriptionSchema = z.string().max(2000);

/** A resource's declared actions (GenAuth `ecs:Start`, `GET`): no whitespace, at most 64 characters each. */
export const declaredActionSchema = z.string().regex(/^[^\s\p{Cc}]{1,64}$/u, "1–64 characters, no whitespace");
export const declaredActionsSchema = z
  .array(declaredActionSchema)
  .max(100)
  .transform((actions) => [...new Set(actions)]);

/** A reference to a resource: its id or the compact form `type:externalId`. */
export const resourceRefSchema = z.string().min(1).max(400);
const organizationRefSchema = z.string().min(1).max(256);

/** What an API family keeps beside the model (GenAuth's apiIdentifier, action descriptions). */
export const metadataSchema = z.record(z.string().max(100), z.unknown());

export const createResourceSchema = z
  .object({
    organizationId: organizationRefSchema.describe("organization id or external id"),
    type: z.string().min(1).max(100).describe("resource type key or id, visible from the organization's scope"),
    externalId: externalIdSchema,
    name: nameSchema,
    description: descriptionSchema.optional(),
    parentId: resourceRefSchema.optional().describe("parent id or type:externalId; absent = the organization's root"),
    parentType: z.string().min(1).max(100).optional().describe("with parentExternalId: the parent's type key"),
    parentExternalId: externalIdSchema.optional(),
    actions: declaredActionsSchema.optional(),
    metadata: metadataSchema.optional(),
  })
  .strict()
  .refine((v) => !(v.parentId && (v.parentType || v.parentExternalId)), {
    message: "give parentId, or parentType with parentExternalId, not both",
    path: ["parentId"],
  })
  .refine((v) => !v.parentType === !v.parentExternalId, {
    message: "parentType and parentExternalId go together",
    path: ["parentExternalId"],
  });
export type CreateResourceInput = z.input<typeof createResourceSchema>;

export const updateResourceSchema = z
  .object({
    name: nameSchema.optional(),
    description: descriptionSchema.nullable().optional(),
    actions: declaredActionsSchema.nullable().optional(),
    metadata: metadataSchema.nullable().optional(),
    parentId: resourceRefSchema.optional().describe("moves the resource under this parent"),
  })
  .strict();

export const moveResourceSchema = z.object({ parentId: resourceRefSchema }).strict();

/** A yes/no option that may come from a query string (`?cascade=true`). */
export const flagSchema = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);

/** `cascade` on deletes: also remove what depends on the thing deleted. */
export const cascadeOptionSchema = z.object({ cascade: flagSchema.default(false) }).strip();

export const listResourcesQuerySchema = pageQuerySchema
  .extend({
    organization: organizationRefSchema,
    parentId: resourceRefSchema.optional(),
    type: z.string().min(1).max(100).optional(),
    search: z.string().trim().min(1).max(200).optional(),
  })
  .strip();

export const MAX_SEARCH_RESULTS = 100;
export const searchResourcesQuerySchema = z
  .object({
    organization: organizationRefSchema,
    search: z.string().trim().min(1).max(200),
    type: z.string().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_SEARCH_RESULTS).default(20),
    cursor: z.string().max(200).optional(),
  })
  .strip();
