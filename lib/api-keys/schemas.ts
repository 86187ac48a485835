import { z } from "zod";

export const createApiKeySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    organizationId: z.string().min(1).max(256).optional().describe("organization id or external id: the key then sees only that organization"),
    readOnly: z.boolean().default(false),
  })
  .strict();
