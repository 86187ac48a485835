import { z } from "zod";
import { invalid } from "@/lib/shared/errors";
import { updateResourceType } from "@/lib/resource-types/service";
import { genauthPost } from "../_genauth/adapter";
import { requireNamespace } from "../_genauth/namespaces";
import { namespaceCode } from "../_genauth/params";

const schema = z.object({
  code: namespaceCode,
  newCode: namespaceCode.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(2000).optional(),
});

/** Name and description; a namespace's code is its resource type's key, which never changes. */
export const POST = genauthPost(
  schema,
  async ({ db, actor, organization, params }) => {
    if (params.newCode !== undefined && params.newCode !== params.code) {
      throw invalid("newCode", "immutable", "newCode: a namespace code cannot be changed in Arbor (it is the key of the namespace's resource type)");
    }
    const namespace = await requireNamespace(db, organization, params.code, "code");
    const { value } = await updateResourceType(db, actor, namespace.id, { name: params.name, description: params.description });
    return { code: value.key, name: value.name, description: value.description ?? "", newCode: value.key };
  },
  { write: true },
);
