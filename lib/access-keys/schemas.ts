import { z } from "zod";

export const createAccessKeySchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    organizationId: z.string().min(1).max(256).optional().describe("organization id or external id; absent = the default organization"),
    readOnly: z.boolean().default(false),
  })
  .strict();

/** Credentials chosen by the operator (ARBOR_ACCESS_KEY_ID / ARBOR_ACCESS_KEY_SECRET) rather than generated. */
export const accessKeyCredentialsSchema = z.object({
  accessKeyId: z.string().regex(/^[A-Za-z0-9_-]{8,128}$/, "8–128 letters, digits, _ or -"),
  secret: z.string().min(16, "at least 16 characters").max(256),
});
