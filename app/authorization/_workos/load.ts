/**
 * WorkOS references resolved through the domain library: a membership is a
 * (user, organization) pair, a resource is named by id or by (organization,
 * type, external id), and the organization's own resource answers to type
 * `organization` with the organization's id or external id.
 */
import type { Queryable } from "@/db/client";
import { getOrganization, type Organization } from "@/lib/organizations/service";
import { resolveResourceRef, type Resource } from "@/lib/resources/refs";
import { rootsAmong } from "@/lib/resources/keyset";
import { toViews } from "@/lib/resources/views";
import { findRole } from "@/lib/roles/service";
import { ROOT_SCOPE_ID } from "@/lib/scopes/schemas";
import { ID_PREFIX } from "@/lib/shared/ids";
import { notFound } from "@/lib/shared/errors";
import { getMembership } from "@/lib/subjects/memberships";
import { toResource } from "./shapes";

export const organizationOf = (db: Queryable, ref: string, field = "organization_id") => getOrganization(db, ref, field);

export async function membershipOf(db: Queryable, id: string) {
  const membership = await getMembership(db, id);
  return { membership, organization: await getOrganization(db, membership.organizationId) };
}

/** A WorkOS resource id is only ever an id: a compact reference in its place names nothing. */
export function resourceIdRef(id: string, field = "resource_id"): string {
  if (!id.startsWith(ID_PREFIX.resource)) throw notFound("resource", id, field);
  return id;
}

/** `type:externalId`, the domain's compact form; the external id may hold any character, `:` and `/` included. */
export const resourceKeyRef = (type: string, externalId: string) => `${type}:${externalId}`;

export const resourceById = (db: Queryable, id: string, organizationId?: string) =>
  resolveResourceRef(db, resourceIdRef(id), { organization: organizationId, field: "resource_id" });

export const resourceByKey = (db: Queryable, organizationId: string, type: string, externalId: string) =>
  resolveResourceRef(db, resourceKeyRef(type, externalId), { organization: organizationId, field: "external_id" });

type ResourceChoice = { resource_id?: string; resource_external_id?: string; resource_type_slug?: string };

/** The body's resource (by id, or by external id and type) as one domain reference; undefined when it names none. */
export function chosenResource(body: ResourceChoice): string | undefined {
  if (body.resource_id !== undefined) return resourceIdRef(body.resource_id);
  if (body.resource_external_id !== undefined && body.resource_type_slug !== undefined) return resourceKeyRef(body.resource_type_slug, body.resource_external_id);
  return undefined;
}

export async function shapeResources(db: Queryable, rows: Resource[]) {
  const [views, roots] = await Promise.all([toViews(db, rows), rootsAmong(db, rows.map((r) => r.parentId).filter((id): id is string => !!id))]);
  return views.map((v) => toResource(v, v.parentId !== null && roots.has(v.parentId)));
}

export const shapeResource = async (db: Queryable, row: Resource) => (await shapeResources(db, [row]))[0];

/** A role of the root scope. (findRole also takes role ids, whatever their scope: the scope is checked here.) */
export async function environmentRole(db: Queryable, slug: string) {
  const role = await findRole(db, slug, ROOT_SCOPE_ID, "slug");
  if (role.scopeId !== ROOT_SCOPE_ID) throw notFound("environment role", slug, "slug");
  return role;
}

/** A role of the organization's own scope; `orEnvironment` also accepts the environment roles it sees. */
export async function organizationRole(db: Queryable, org: Organization, slug: string, options: { orEnvironment?: boolean } = {}) {
  const role = await findRole(db, slug, org.scopeId, "slug");
  const visible = role.scopeId === org.scopeId || (options.orEnvironment && role.scopeId === ROOT_SCOPE_ID);
  if (!visible) throw notFound(`role of organization '${org.id}'`, slug, "slug");
  return role;
}
