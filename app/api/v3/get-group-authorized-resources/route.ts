import { z } from "zod";
import { getGroup } from "@/lib/subjects/groups";
import { genauthGet } from "../_genauth/adapter";
import { authorizedRows, grantsOf } from "../_genauth/authorized";
import { requireNamespace } from "../_genauth/namespaces";
import { optionalNamespace, resourceKind } from "../_genauth/params";

const schema = z.object({ code: z.string().min(1).max(256), namespace: optionalNamespace, resourceType: resourceKind.optional() });

/** The group's own ALLOW authorizations, as a plain array (this call alone is not paged-shaped). */
export const GET = genauthGet(schema, async ({ db, organization, params }) => {
  const namespace = await requireNamespace(db, organization, params.namespace);
  const group = await getGroup(db, params.code, { organization: organization.id }, "code");
  return (await authorizedRows(db, namespace, await grantsOf(db, organization, group.id))).filter(
    (r) => r.effect === "ALLOW" && (!params.resourceType || r.resourceType === params.resourceType),
  );
});
