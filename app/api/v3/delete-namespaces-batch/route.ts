import { z } from "zod";
import { deleteResourceType } from "@/lib/resource-types/service";
import { done, genauthPost } from "../_genauth/adapter";
import { namespacesOf } from "../_genauth/namespaces";

/** Unknown codes are skipped; each namespace is deleted on its own (one still in use is refused, 409, and the later ones are kept). */
export const POST = genauthPost(
  z.object({ codeList: z.array(z.string().min(1).max(64)).min(1).max(50) }),
  async ({ db, actor, organization, params }) => {
    const wanted = new Set(params.codeList);
    for (const namespace of (await namespacesOf(db, organization)).filter((n) => wanted.has(n.key))) await deleteResourceType(db, actor, namespace.id);
    return done;
  },
  { write: true },
);
