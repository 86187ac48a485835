import { z } from "zod";
import { createResourceType } from "@/lib/resource-types/service";
import { genauthPost } from "../_genauth/adapter";
import { namespaceDto } from "../_genauth/namespaces";
import { namespaceCode } from "../_genauth/params";

const schema = z.object({ code: namespaceCode, name: z.string().trim().max(200).optional(), description: z.string().max(2000).optional() });

export const POST = genauthPost(
  schema,
  async ({ db, actor, organization, params }) => {
    const { value } = await createResourceType(db, actor, {
      key: params.code,
      name: params.name || params.code,
      description: params.description,
      scopeId: organization.scopeId,
    });
    return namespaceDto(value);
  },
  { write: true },
);

