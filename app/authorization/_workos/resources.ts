/**
 * Resources (contract §4, rows 20–27): by id or by (organization, type,
 * external id). The organization's own resource is the implicit parent of
 * top-level resources and answers to type `organization`.
 */
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { ArborError, conflict, invalid, parseWith } from "@/lib/shared/errors";
import { ROOT_SCOPE_ID } from "@/lib/scopes/schemas";
import { createResource, deleteResource, updateResource } from "@/lib/resources/service";
import { pageResources } from "@/lib/resources/keyset";
import { resolveResourceRef, type Resource } from "@/lib/resources/refs";
import { typeVisibleFrom } from "@/lib/resources/types";
import { json, noContent, type WorkosContext } from "./adapter";
import { windowOf } from "./paging";
import { organizationOf, resourceById, resourceByKey, resourceIdRef, resourceKeyRef, shapeResource, shapeResources } from "./load";
import { ORGANIZATION_TYPE } from "./shapes";

const text = z.string();
const createSchema = z.object({
  organization_id: text,
  resource_type_slug: text,
  external_id: text,
  name: text,
  description: text.nullable().optional(),
  parent_resource_id: text.optional(),
  parent_resource_external_id: text.optional(),
  parent_resource_type_slug: text.optional(),
});
const updateSchema = z.object({ name: text.optional(), description: text.nullable().optional() });
const listSchema = z.object({
  organization_id: text.optional(),
  resource_type_slug: text.optional(),
  parent_resource_id: text.optional(),
  parent_resource_type_slug: text.optional(),
  parent_external_id: text.optional(),
});

type Key = { organizationId: string; typeSlug: string; externalId: string };

/** The parent as the domain takes it; the organization's resource is found by the organization's id or external id. */
function parentOf(body: z.infer<typeof createSchema>) {
  if (body.parent_resource_id !== undefined) return { parentId: resourceIdRef(body.parent_resource_id, "parent_resource_id") };
  if (body.parent_resource_type_slug === ORGANIZATION_TYPE && body.parent_resource_external_id !== undefined) {
    return { parentId: resourceKeyRef(ORGANIZATION_TYPE, body.parent_resource_external_id) };
  }
  return { parentType: body.parent_resource_type_slug, parentExternalId: body.parent_resource_external_id };
}

export async function createWorkosResource(ctx: WorkosContext<unknown>) {
  const body = parseWith(createSchema, await ctx.body());
  if (body.parent_resource_id !== undefined && (body.parent_resource_external_id !== undefined || body.parent_resource_type_slug !== undefined)) {
    throw invalid("parent_resource_id", "exclusive", "parent_resource_id: give it or parent_resource_external_id with parent_resource_type_slug, not both");
  }
  const { value } = await createResource(ctx.db, ctx.actor, {
    organizationId: body.organization_id,
    type: body.resource_type_slug,
    externalId: body.external_id,
    name: body.name,
    description: body.description ?? undefined,
    ...parentOf(body),
  });
  return json(await shapeResource(ctx.db, value), 201);
}

async function update(ctx: WorkosContext<unknown>, resource: Resource) {
  const body = parseWith(updateSchema, await ctx.body());
  // The organization's own resource carries the organization's name: it changes with the organization, never alone.
  if (resource.parentId === null) throw conflict("the organization's own resource cannot be edited", "resource_id", "root");
  const { value } = await updateResource(ctx.db, ctx.actor, resource.id, body);
  return json(await shapeResource(ctx.db, value));
}

/** `cascade_delete=true` takes the subtree and its assignments along; without it, dependents make it a 409. */
async function remove(ctx: WorkosContext<unknown>, resource: Resource) {
  await deleteResource(ctx.db, ctx.actor, resource.id, { cascade: ctx.query.cascade_delete });
  return noContent();
}

export const getWorkosResource = async (ctx: WorkosContext<{ resourceId: string }>) =>
  json(await shapeResource(ctx.db, await resourceById(ctx.db, ctx.params.resourceId)));
export const updateWorkosResource = async (ctx: WorkosContext<{ resourceId: string }>) => update(ctx, await resourceById(ctx.db, ctx.params.resourceId));
export const deleteWorkosResource = async (ctx: WorkosContext<{ resourceId: string }>) => remove(ctx, await resourceById(ctx.db, ctx.params.resourceId));

const byKey = (ctx: WorkosContext<Key>) => resourceByKey(ctx.db, ctx.params.organizationId, ctx.params.typeSlug, ctx.params.externalId);
export const getResourceByExternalId = async (ctx: WorkosContext<Key>) => json(await shapeResource(ctx.db, await byKey(ctx)));
export const updateResourceByExternalId = async (ctx: WorkosContext<Key>) => update(ctx, await byKey(ctx));
export const deleteResourceByExternalId = async (ctx: WorkosContext<Key>) => remove(ctx, await byKey(ctx));

/** A filter naming something that does not exist is a bad request (the SDK documents 422 here), not a missing page. */
async function filterRef<T>(lookup: () => Promise<T>, field: string): Promise<T> {
  try {
    return await lookup();
  } catch (error) {
    if (error instanceof ArborError && error.kind === "not_found") throw invalid(field, "exists", `${field}: ${error.message}`);
    throw error;
  }
}

async function parentFilter(db: Queryable, q: z.infer<typeof listSchema>, organizationId?: string) {
  if (q.parent_resource_id !== undefined) return filterRef(() => resourceById(db, q.parent_resource_id!, organizationId), "parent_resource_id");
  if (q.parent_resource_type_slug !== undefined && q.parent_external_id !== undefined) {
    const ref = resourceKeyRef(q.parent_resource_type_slug, q.parent_external_id);
    return filterRef(() => resolveResourceRef(db, ref, { organization: organizationId, field: "parent_external_id" }), "parent_external_id");
  }
  return undefined;
}

export async function listWorkosResources(ctx: WorkosContext<unknown>) {
  const q = parseWith(listSchema, ctx.query);
  const window = windowOf(ctx.query);
  const org = q.organization_id !== undefined ? await filterRef(() => organizationOf(ctx.db, q.organization_id!), "organization_id") : undefined;
  const type = q.resource_type_slug
    ? await filterRef(() => typeVisibleFrom(ctx.db, org?.scopeId ?? ROOT_SCOPE_ID, q.resource_type_slug!, "resource_type_slug"), "resource_type_slug")
    : undefined;
  const parent = await parentFilter(ctx.db, q, org?.id);
  const page = await pageResources(ctx.db, { organizationId: org?.id, resourceTypeId: type?.id, parentId: parent?.id }, window);
  const data = await shapeResources(ctx.db, page.data);
  return json({ object: "list", data, list_metadata: { before: page.before, after: page.after } });
}
