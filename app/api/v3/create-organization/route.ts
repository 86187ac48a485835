import { z } from "zod";
import { createDepartment } from "@/lib/subjects/departments";
import { genauthPost } from "../_genauth/adapter";
import { organizationDto } from "../_genauth/principals";

const schema = z.object({
  organizationCode: z.string().regex(/^[^\s\p{Cc}]{1,64}$/u, "invalid organization code"),
  organizationName: z.string().trim().min(1).max(200),
  description: z.string().max(2000).optional(),
});

/** A GenAuth organization is a department tree: its root is a top-level department whose external id is the code. */
export const POST = genauthPost(
  schema,
  async ({ db, actor, organization, params }) => {
    const { value } = await createDepartment(db, actor, {
      organizationId: organization.id,
      externalId: params.organizationCode,
      name: params.organizationName,
      description: params.description || undefined,
    });
    return organizationDto(value);
  },
  { write: true },
);
