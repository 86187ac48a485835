import { z } from "zod";
import { genauthGet } from "../_genauth/adapter";
import { requireNamespace } from "../_genauth/namespaces";
import { optionalNamespace } from "../_genauth/params";
import { requireRole, roleCode, roleDto } from "../_genauth/roles";

export const GET = genauthGet(z.object({ code: roleCode, namespace: optionalNamespace }), async ({ db, organization, params }) => {
  const namespace = await requireNamespace(db, organization, params.namespace);
  return roleDto(await requireRole(db, organization, namespace.key, params.code), namespace);
});
