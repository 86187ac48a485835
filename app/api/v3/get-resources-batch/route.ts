import { z } from "zod";
import { genauthGet } from "../_genauth/adapter";
import { requireNamespace } from "../_genauth/namespaces";
import { optionalNamespace, requiredListParam } from "../_genauth/params";
import { findResources, resourceDto } from "../_genauth/resources";

const schema = z.object({
  codeList: requiredListParam(z.string().min(1).max(256), 50),
  namespace: optionalNamespace,
});

/** In the order asked; unknown codes are left out. */
export const GET = genauthGet(
  schema,
  async ({ db, organization, params }) => {
    const namespace = await requireNamespace(db, organization, params.namespace);
    const byCode = new Map((await findResources(db, organization, namespace, params.codeList)).map((r) => [r.externalId, r]));
    return [...new Set(params.codeList)].flatMap((code) => (byCode.has(code) ? [resourceDto(byCode.get(code)!, namespace)] : []));
  },
  { arrays: ["codeList"] },
);
