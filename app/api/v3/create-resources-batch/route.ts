import { z } from "zod";
import { createResources } from "@/lib/resources/batch";
import { done, genauthPost } from "../_genauth/adapter";
import { requireNamespace } from "../_genauth/namespaces";
import { optionalNamespace } from "../_genauth/params";
import { resourceInput } from "../_genauth/resources";
import { resourceDefinition } from "../_genauth/resource-params";

/** All or nothing: one bad item (named by its index) creates none. */
export const POST = genauthPost(
  z.object({ namespace: optionalNamespace, list: z.array(resourceDefinition).min(1).max(50) }),
  async ({ db, actor, organization, params }) => {
    const namespace = await requireNamespace(db, organization, params.namespace);
    await createResources(db, actor, params.list.map((d) => resourceInput(organization, namespace, d)));
    return done;
  },
  { write: true },
);
