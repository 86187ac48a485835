import { z } from "zod";
import { deleteRole } from "@/lib/roles/service";
import { done, genauthPost } from "../_genauth/adapter";
import { applyTogether } from "../_genauth/batch";
import { requireNamespace } from "../_genauth/namespaces";
import { optionalNamespace } from "../_genauth/params";
import { parseRoleSlug, rolesOf } from "../_genauth/roles";

/** Unknown codes are skipped; a role still assigned or authorized is refused (409) and keeps them all (one transaction): revoke it first, as everywhere in Arbor. */
export const POST = genauthPost(
  z.object({ codeList: z.array(z.string().min(1).max(64)).min(1).max(50), namespace: optionalNamespace }),
  async ({ db, actor, organization, params }) => {
    const namespace = await requireNamespace(db, organization, params.namespace);
    const wanted = new Set(params.codeList);
    const roles = (await rolesOf(db, organization, namespace.key)).filter((r) => wanted.has(parseRoleSlug(r.slug).code));
    await applyTogether(db, actor, roles, (tx, role) => deleteRole(tx, actor, role.id));
    return done;
  },
  { write: true },
);
