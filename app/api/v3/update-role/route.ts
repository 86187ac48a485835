import { z } from "zod";
import { invalid } from "@/lib/shared/errors";
import { updateRole } from "@/lib/roles/service";
import { done, genauthPost } from "../_genauth/adapter";
import { requireNamespace } from "../_genauth/namespaces";
import { optionalNamespace } from "../_genauth/params";
import { requireRole, roleCode } from "../_genauth/roles";

const schema = z.object({
  code: roleCode,
  newCode: roleCode,
  name: z.string().trim().min(1).max(200).optional(),
  namespace: optionalNamespace,
  description: z.string().max(2000).optional(),
});

/** Name and description; a role's code (its slug) never changes in Arbor. */
export const POST = genauthPost(
  schema,
  async ({ db, actor, organization, params }) => {
    if (params.newCode !== params.code) throw invalid("newCode", "immutable", "newCode: a role code cannot be changed in Arbor");
    const namespace = await requireNamespace(db, organization, params.namespace);
    const role = await requireRole(db, organization, namespace.key, params.code);
    await updateRole(db, actor, role.id, { name: params.name, description: params.description });
    return done;
  },
  { write: true },
);
