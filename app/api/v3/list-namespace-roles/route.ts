import { z } from "zod";
import { genauthGet } from "../_genauth/adapter";
import { requireNamespace } from "../_genauth/namespaces";
import { namespaceCode, paged, pageParams } from "../_genauth/params";
import { roleDto, rolesOf } from "../_genauth/roles";

const schema = z.object({ code: namespaceCode, ...pageParams, keywords: z.string().max(200).optional() });

export const GET = genauthGet(schema, async ({ db, organization, params }) => {
  const namespace = await requireNamespace(db, organization, params.code, "code");
  const needle = params.keywords?.toLowerCase();
  const roles = (await rolesOf(db, organization, namespace.key)).map((r) => roleDto(r, namespace));
  const matching = roles.filter((r) => !needle || r.code.includes(needle) || r.name.toLowerCase().includes(needle));
  return paged(matching, params);
});
