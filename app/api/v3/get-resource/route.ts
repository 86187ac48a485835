import { z } from "zod";
import { genauthGet } from "../_genauth/adapter";
import { requireNamespace } from "../_genauth/namespaces";
import { optionalNamespace } from "../_genauth/params";
import { requireResource, resourceDto } from "../_genauth/resources";

export const GET = genauthGet(z.object({ code: z.string().min(1).max(256), namespace: optionalNamespace }), async ({ db, organization, params }) => {
  const namespace = await requireNamespace(db, organization, params.namespace);
  return resourceDto(await requireResource(db, organization, namespace, params.code), namespace);
});
