import { z } from "zod";
import { genauthGet } from "../_genauth/adapter";
import { requireNamespace } from "../_genauth/namespaces";
import { optionalNamespace, paged, pageParams } from "../_genauth/params";
import { roleDto, rolesOf } from "../_genauth/roles";

const schema = z.object({ ...pageParams, keywords: z.string().max(200).optional(), namespace: optionalNamespace });

export const GET = genauthGet(schema, async ({ db, organization, params }) => {
  const namespace = await requireNamespace(db, organization, params.namespace);
  const needle = params.keywords?.toLowerCase();
  const roles = (await rolesOf(db, organization, namespace.key)).map((r) => roleDto(r, namespace));
  return paged(
    roles.filter((r) => !needle || r.code.includes(needle) || r.name.toLowerCase().includes(needle)),
    params,
  );
});
