import { z } from "zod";
import { createGroup } from "@/lib/subjects/groups";
import { genauthPost } from "../_genauth/adapter";
import { groupDto } from "../_genauth/principals";

const schema = z.object({
  code: z.string().regex(/^[^\s\p{Cc}]{1,64}$/u, "invalid group code"),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).optional(),
  type: z.string().max(50).optional(),
});

/** A group of the access key's organization; its code is the group's external id (unique in the organization). */
export const POST = genauthPost(
  schema,
  async ({ db, actor, organization, params }) => {
    const { value } = await createGroup(db, actor, { organizationId: organization.id, externalId: params.code, name: params.name, description: params.description || undefined });
    return groupDto(value);
  },
  { write: true },
);
