import { z } from "zod";
import { genauthGet } from "../_genauth/adapter";
import { authorizedRows, grantsOf } from "../_genauth/authorized";
import { requireNamespace } from "../_genauth/namespaces";
import { optionalNamespace, resourceKind } from "../_genauth/params";
import { requireRole, roleCode } from "../_genauth/roles";

const schema = z.object({ code: roleCode, namespace: optionalNamespace, resourceType: resourceKind.optional() });

/** The role's own ALLOW authorizations (the DTO has no effect field). */
export const GET = genauthGet(schema, async ({ db, organization, params }) => {
  const namespace = await requireNamespace(db, organization, params.namespace);
  const role = await requireRole(db, organization, namespace.key, params.code);
  const list = (await authorizedRows(db, namespace, await grantsOf(db, organization, role.id)))
    .filter((r) => r.effect === "ALLOW" && (!params.resourceType || r.resourceType === params.resourceType))
    .map((r) => ({ resourceCode: r.resourceCode, resourceType: r.resourceType, actions: r.actions, apiIdentifier: r.apiIdentifier }));
  return { totalCount: list.length, list };
});
