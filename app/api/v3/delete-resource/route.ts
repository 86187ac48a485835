import { z } from "zod";
import { deleteResource } from "@/lib/resources/service";
import { done, genauthPost } from "../_genauth/adapter";
import { requireNamespace } from "../_genauth/namespaces";
import { optionalNamespace } from "../_genauth/params";
import { findResources } from "../_genauth/resources";

/** Idempotent: an unknown code succeeds. The resource goes with its grants (and anything placed under it), in one transaction. */
export const POST = genauthPost(
  z.object({ code: z.string().min(1).max(256), namespace: optionalNamespace }),
  async ({ db, actor, organization, params }) => {
    const namespace = await requireNamespace(db, organization, params.namespace);
    const [resource] = await findResources(db, organization, namespace, [params.code]);
    if (resource) await deleteResource(db, actor, resource.id, { cascade: true });
    return done;
  },
  { write: true },
);
