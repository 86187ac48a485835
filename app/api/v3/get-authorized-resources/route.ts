import { z } from "zod";
import { genauthGet } from "../_genauth/adapter";
import { authorizedRows, grantsOf, matchesAnyPrefix } from "../_genauth/authorized";
import { requireNamespace } from "../_genauth/namespaces";
import { booleanParam, listParam, optionalNamespace, resourceKind, targetType } from "../_genauth/params";
import { subjectOf } from "../_genauth/targets";

const schema = z.object({
  targetType,
  targetIdentifier: z.string().min(1).max(256),
  namespace: optionalNamespace,
  resourceType: resourceKind.optional(),
  resourceList: listParam(z.string().min(1).max(256), 50).optional(),
  withDenied: booleanParam.default(false),
});

/**
 * What the principal was authorized directly (its own grants, not those it
 * inherits: see get-user-authorized-resources), filtered by kind and by code
 * prefixes; DENY rows only with withDenied. Paged-shaped, never paged.
 */
export const GET = genauthGet(
  schema,
  async ({ db, organization, params }) => {
    const namespace = await requireNamespace(db, organization, params.namespace);
    const subject = await subjectOf(db, organization, namespace.key, params.targetType, params.targetIdentifier, "targetIdentifier");
    const rows = (await authorizedRows(db, namespace, await grantsOf(db, organization, subject))).filter(
      (r) =>
        (params.withDenied || r.effect === "ALLOW") &&
        (!params.resourceType || r.resourceType === params.resourceType) &&
        matchesAnyPrefix(r.resourceCode, params.resourceList),
    );
    return { totalCount: rows.length, list: rows };
  },
  { arrays: ["resourceList"] },
);
