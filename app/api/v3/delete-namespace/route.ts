import { z } from "zod";
import { deleteResourceType } from "@/lib/resource-types/service";
import { done, genauthPost } from "../_genauth/adapter";
import { requireNamespace } from "../_genauth/namespaces";

/** An unknown code is 404 (as GenAuth); a namespace that still has resources or roles is refused (409) rather than emptied. */
export const POST = genauthPost(
  z.object({ code: z.string().min(1).max(64) }),
  async ({ db, actor, organization, params }) => {
    await deleteResourceType(db, actor, (await requireNamespace(db, organization, params.code, "code")).id);
    return done;
  },
  { write: true },
);
