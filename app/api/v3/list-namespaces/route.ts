import { z } from "zod";
import { genauthGet } from "../_genauth/adapter";
import { namespaceDto, namespacesOf } from "../_genauth/namespaces";
import { paged, pageParams } from "../_genauth/params";

const schema = z.object({ ...pageParams, keywords: z.string().max(200).optional() });

export const GET = genauthGet(schema, async ({ db, organization, params }) => {
  const needle = params.keywords?.toLowerCase();
  const all = (await namespacesOf(db, organization)).filter((n) => !needle || n.key.includes(needle) || n.name.toLowerCase().includes(needle));
  return paged(all.map((n) => ({ ...namespaceDto(n), status: 1 })), params);
});
