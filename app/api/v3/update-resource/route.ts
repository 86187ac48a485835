import { z } from "zod";
import { updateResource } from "@/lib/resources/service";
import { genauthPost } from "../_genauth/adapter";
import { requireNamespace } from "../_genauth/namespaces";
import { optionalNamespace } from "../_genauth/params";
import { requireResource, resourceDto, resourceUpdate } from "../_genauth/resources";
import { resourceDefinition } from "../_genauth/resource-params";

/** The fields given replace the stored ones; the code identifies the resource and does not change. */
export const POST = genauthPost(
  resourceDefinition.partial({ type: true }).extend({ namespace: optionalNamespace }),
  async ({ db, actor, organization, params }) => {
    const namespace = await requireNamespace(db, organization, params.namespace);
    const current = await requireResource(db, organization, namespace, params.code);
    const { value } = await updateResource(db, actor, current.id, resourceUpdate(current, params));
    return resourceDto(value, namespace);
  },
  { write: true },
);
