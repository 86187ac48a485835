import { z } from "zod";
import { createRole } from "@/lib/roles/service";
import { genauthPost } from "../_genauth/adapter";
import { requireNamespace } from "../_genauth/namespaces";
import { optionalNamespace } from "../_genauth/params";
import { roleCode, roleDto, roleSlug } from "../_genauth/roles";

const schema = z.object({ code: roleCode, name: z.string().trim().max(200).optional(), namespace: optionalNamespace, description: z.string().max(2000).optional() });

export const POST = genauthPost(
  schema,
  async ({ db, actor, organization, params }) => {
    const namespace = await requireNamespace(db, organization, params.namespace);
    const { value } = await createRole(db, actor, {
      slug: roleSlug(namespace.key, params.code),
      name: params.name || params.code,
      description: params.description,
      scopeId: organization.scopeId,
    });
    return roleDto(value, namespace);
  },
  { write: true },
);
