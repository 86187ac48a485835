import { z } from "zod";
import { MAX_PATTERN_LENGTH } from "@/lib/shared/glob";
import { conditionsSchema } from "./conditions";

const ref = z.string().min(1).max(400);
const action = z.union([z.literal("*"), z.string().regex(/^[A-Za-z][A-Za-z0-9_.:-]{0,127}$/, "an action name such as read or ecs:Start")]);

/**
 * subject → (role | actions) on (resource | pattern). Exactly one of each
 * pair; a pattern needs the organization it applies in.
 */
export const createGrantSchema = z
  .object({
    subject: ref.describe("user, group, department or role: id or compact reference (user:alice, group:eng, role:admin)"),
    organization: ref.optional().describe("organization id or external id; disambiguates compact references, required with resourcePattern"),
    role: z.string().min(1).max(100).optional().describe("role slug or id"),
    actions: z.array(action).min(1).max(50).optional(),
    resource: ref.optional().describe("resource id or compact reference (document:doc_7)"),
    resourcePattern: z.string().min(1).max(MAX_PATTERN_LENGTH).regex(/^\S+$/, "must not contain whitespace").optional(),
    effect: z.enum(["allow", "deny"]).default("allow"),
    conditions: conditionsSchema.optional(),
  })
  .strict()
  .superRefine((g, ctx) => {
    if ((g.role === undefined) === (g.actions === undefined)) {
      ctx.addIssue({ code: "custom", path: ["role"], message: "give exactly one of role or actions" });
    }
    if ((g.resource === undefined) === (g.resourcePattern === undefined)) {
      ctx.addIssue({ code: "custom", path: ["resource"], message: "give exactly one of resource or resourcePattern" });
    }
    if (g.resourcePattern !== undefined && g.organization === undefined) {
      ctx.addIssue({ code: "custom", path: ["organization"], message: "a resourcePattern grant needs its organization" });
    }
  });
export type CreateGrantInput = z.input<typeof createGrantSchema>;

export const grantQuerySchema = z.object({
  organization: ref.optional(),
  subject: ref.optional(),
  resource: ref.optional(),
  role: z.string().max(100).optional(),
  effect: z.enum(["allow", "deny"]).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(200).optional(),
});
