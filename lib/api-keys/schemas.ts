import { z } from "zod";

export const createApiKeySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    organizationId: z.string().min(1).max(100).optional(),
    readOnly: z.boolean().default(false),
  })
  .strict();
