/**
 * GenAuth resources ↔ domain resources: the code is the external id, the
 * namespace is the resource type, the declared actions are the resource's
 * actions. What GenAuth keeps beside the model — its kind (DATA, API, MENU,
 * BUTTON, UI), the API identifier, action descriptions, the tenants it is
 * associated with — lives in `metadata.genauth`.
 */
import type { Database } from "@/db/client";
import { notFound } from "@/lib/shared/errors";
import type { Organization } from "@/lib/organizations/service";
import type { Resource } from "@/lib/resources/refs";
import type { CreateResourceInput } from "@/lib/resources/schemas";
import { resourcesByExternalIds } from "@/lib/resources/by-type";
import type { Namespace } from "./namespaces";
import type { ResourceKind } from "./params";

export type GenAuthMetadata = {
  type?: ResourceKind;
  apiIdentifier?: string;
  actionDescriptions?: Record<string, string>;
  /** Organization ids of the tenants the resource is associated with. */
  tenants?: string[];
};

/** Where the kind is kept, for listing by kind; a resource made elsewhere counts as DATA. */
export const KIND_FILTER = { path: ["genauth", "type"], whenMissing: "DATA" };

export const genauthMetadata = (r: Pick<Resource, "metadata">): GenAuthMetadata => (r.metadata?.genauth ?? {}) as GenAuthMetadata;
export const kindOf = (r: Pick<Resource, "metadata">): ResourceKind => genauthMetadata(r).type ?? "DATA";

/** The resource's metadata with GenAuth's part changed and every other family's part kept. */
export const withGenAuthMetadata = (r: Pick<Resource, "metadata"> | null, patch: GenAuthMetadata) => ({
  ...(r?.metadata ?? {}),
  genauth: { ...(r ? genauthMetadata(r) : {}), ...patch },
});

export function resourceDto(r: Resource, namespace: Namespace) {
  const meta = genauthMetadata(r);
  return {
    code: r.externalId,
    name: r.name,
    description: r.description ?? "",
    type: kindOf(r),
    actions: (r.actions ?? []).map((name) => ({ name, description: meta.actionDescriptions?.[name] ?? "" })),
    apiIdentifier: meta.apiIdentifier ?? "",
    namespace: namespace.key,
    linkedToTenant: (meta.tenants?.length ?? 0) > 0,
  };
}

export type ResourceDefinition = {
  code: string;
  type: ResourceKind;
  name?: string;
  description?: string;
  actions?: { name: string; description?: string }[];
  apiIdentifier?: string;
};

const descriptions = (actions: ResourceDefinition["actions"]) =>
  Object.fromEntries((actions ?? []).filter((a) => a.description).map((a) => [a.name, a.description!]));

export function resourceInput(organization: Organization, namespace: Namespace, d: ResourceDefinition): CreateResourceInput {
  return {
    organizationId: organization.id,
    type: namespace.key,
    externalId: d.code,
    name: d.name || d.code,
    description: d.description,
    actions: d.actions?.map((a) => a.name),
    metadata: withGenAuthMetadata(null, { type: d.type, apiIdentifier: d.apiIdentifier, actionDescriptions: descriptions(d.actions) }),
  };
}

/** The fields of an update (only those given) as a domain update. */
export function resourceUpdate(current: Resource, d: Partial<ResourceDefinition>) {
  return {
    ...(d.name !== undefined ? { name: d.name || current.externalId } : {}),
    ...(d.description !== undefined ? { description: d.description } : {}),
    ...(d.actions !== undefined ? { actions: d.actions.map((a) => a.name) } : {}),
    metadata: withGenAuthMetadata(current, {
      ...(d.type !== undefined ? { type: d.type } : {}),
      ...(d.apiIdentifier !== undefined ? { apiIdentifier: d.apiIdentifier } : {}),
      ...(d.actions !== undefined ? { actionDescriptions: descriptions(d.actions) } : {}),
    }),
  };
}

export async function findResources(db: Database, organization: Organization, namespace: Namespace, codes: string[]) {
  return resourcesByExternalIds(db, { organizationId: organization.id, resourceTypeId: namespace.id, externalIds: codes });
}

export async function requireResource(db: Database, organization: Organization, namespace: Namespace, code: string, field = "code"): Promise<Resource> {
  const [found] = await findResources(db, organization, namespace, [code]);
  if (!found) throw notFound("resource", code, field);
  return found;
}
