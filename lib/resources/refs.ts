/**
 * Compact resource references (SPEC "Native API conventions"): an id
 * (`authz_resource_…`) or `type:externalId`, where the external id may itself
 * contain `:` (only the first colon splits). `organization:<id or external
 * id>` names an organization's root resource.
 */
import { and, eq, getTableColumns } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { resources, resourceTypes } from "@/db/schema";
import { conflict, invalid, notFound } from "@/lib/shared/errors";
import { ID_PREFIX } from "@/lib/shared/ids";
import { getOrganization, rootResource } from "@/lib/organizations/service";
import { seesOrganization, tenantRows } from "@/lib/tenancy/rules";

export type Resource = typeof resources.$inferSelect;
export type RefOptions = { organization?: string; field: string };

export async function resolveResourceRef(db: Queryable, ref: string, opts: RefOptions): Promise<Resource> {
  const { field } = opts;
  const org = opts.organization ? await getOrganization(db, opts.organization, "organization") : undefined;
  if (ref.startsWith(ID_PREFIX.resource)) {
    const [row] = await db.select().from(resources).where(eq(resources.id, ref));
    if (!row || !seesOrganization(row.organizationId) || (org && row.organizationId !== org.id)) throw notFound("resource", ref, field);
    return row;
  }
  const colon = ref.indexOf(":");
  if (colon <= 0 || colon === ref.length - 1) {
    throw invalid(field, "format:resource_ref", `${field}: '${ref}' is neither a resource id nor type:externalId`);
  }
  const typeKey = ref.slice(0, colon);
  const externalId = ref.slice(colon + 1);
  if (typeKey === "organization") {
    const owner = await getOrganization(db, externalId, field);
    if (org && owner.id !== org.id) throw notFound("resource", ref, field);
    return rootResource(db, owner);
  }
  const rows = await db
    .select(getTableColumns(resources))
    .from(resources)
    .innerJoin(resourceTypes, eq(resourceTypes.id, resources.resourceTypeId))
    .where(and(eq(resources.externalId, externalId), eq(resourceTypes.key, typeKey), org ? eq(resources.organizationId, org.id) : tenantRows(resources.organizationId)))
    .limit(2);
  if (!rows.length) throw notFound("resource", ref, field);
  if (rows.length > 1) {
    throw conflict(`${field}: '${ref}' exists in several organizations; pass organization to choose`, field, "ambiguous");
  }
  return rows[0];
}
