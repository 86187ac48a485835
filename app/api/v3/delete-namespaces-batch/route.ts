import { z } from "zod";
import { deleteResourceType } from "@/lib/resource-types/service";
import { done, genauthPost } from "../_genauth/adapter";
import { applyTogether } from "../_genauth/batch";
import { namespacesOf } from "../_genauth/namespaces";

/** Unknown codes are skipped; one namespace still in use (409) keeps them all: one transaction. */
export const POST = genauthPost(
  z.object({ codeList: z.array(z.string().min(1).max(64)).min(1).max(50) }),
  async ({ db, actor, organization, params }) => {
    const wanted = new Set(params.codeList);
    const namespaces = (await namespacesOf(db, organization)).filter((n) => wanted.has(n.key));
    await applyTogether(db, actor, namespaces, (tx, namespace) => deleteResourceType(tx, actor, namespace.id));
    return done;
  },
  { write: true },
);
