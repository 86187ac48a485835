import { z } from "zod";
import { numberedPage } from "@/lib/resources/by-type";
import { genauthGet } from "../_genauth/adapter";
import { requireNamespace } from "../_genauth/namespaces";
import { optionalNamespace, pageParams, resourceKind } from "../_genauth/params";
import { KIND_FILTER, resourceDto } from "../_genauth/resources";

const schema = z.object({ namespace: optionalNamespace, type: resourceKind.optional(), ...pageParams });

export const GET = genauthGet(schema, async ({ db, organization, params }) => {
  const namespace = await requireNamespace(db, organization, params.namespace);
  const { totalCount, rows } = await numberedPage(db, {
    organizationId: organization.id,
    resourceTypeId: namespace.id,
    metadata: params.type ? { ...KIND_FILTER, equals: params.type } : undefined,
    page: params.page,
    limit: params.limit,
  });
  return { totalCount, list: rows.map((r) => resourceDto(r, namespace)) };
});
