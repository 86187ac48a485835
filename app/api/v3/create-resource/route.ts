import { z } from "zod";
import { createResource } from "@/lib/resources/service";
import { genauthPost } from "../_genauth/adapter";
import { requireNamespace } from "../_genauth/namespaces";
import { optionalNamespace } from "../_genauth/params";
import { resourceDto, resourceInput } from "../_genauth/resources";
import { resourceDefinition } from "../_genauth/resource-params";

export const POST = genauthPost(
  resourceDefinition.extend({ namespace: optionalNamespace }),
  async ({ db, actor, organization, params }) => {
    const namespace = await requireNamespace(db, organization, params.namespace);
    const { value } = await createResource(db, actor, resourceInput(organization, namespace, params));
    return resourceDto(value, namespace);
  },
  { write: true },
);
