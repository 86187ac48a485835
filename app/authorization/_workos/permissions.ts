/**
 * Permissions (contract §4, rows 15–19): the root scope's permission
 * definitions. A WorkOS permission slug is an Arbor permission key,
 * `{resource_type}:{action}`: the engine reads the type and the action from it.
 */
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { invalid, notFound, parseWith } from "@/lib/shared/errors";
import { ROOT_SCOPE_ID } from "@/lib/scopes/schemas";
import { parsePermissionKey } from "@/lib/permissions/schemas";
import { createPermission, deletePermission, getPermission, listPermissions, updatePermission } from "@/lib/permissions/service";
import { json, noContent, type WorkosContext } from "./adapter";
import { listBody, pageOfAll, windowOf } from "./paging";
import { toPermission } from "./shapes";

const text = z.string();
const createSchema = z.object({
  slug: text,
  name: text,
  description: text.nullable().optional(),
  resource_type_slug: text.optional(),
});
const updateSchema = z.object({ name: text.nullable().optional(), description: text.nullable().optional() });

type Slug = { slug: string };

async function environmentPermission(db: Queryable, slug: string) {
  const permission = await getPermission(db, slug, ROOT_SCOPE_ID, "slug");
  if (permission.scopeId !== ROOT_SCOPE_ID) throw notFound("permission", slug, "slug");
  return permission;
}

export async function createWorkosPermission(ctx: WorkosContext<unknown>) {
  const body = parseWith(createSchema, await ctx.body());
  const parts = parsePermissionKey(body.slug);
  if (!parts) throw invalid("slug", "format", "slug: must be {resource_type}:{action} naming an existing resource type, e.g. document:read");
  if (body.resource_type_slug !== undefined && body.resource_type_slug !== parts.resourceType) {
    throw invalid("resource_type_slug", "matches_slug", `resource_type_slug: must be '${parts.resourceType}', the type named by the slug`);
  }
  const { value } = await createPermission(ctx.db, ctx.actor, {
    scopeId: ROOT_SCOPE_ID,
    key: body.slug,
    ...parts,
    label: body.name,
    description: body.description ?? undefined,
  });
  return json(toPermission(value), 201);
}

export async function listWorkosPermissions(ctx: WorkosContext<unknown>) {
  const window = windowOf(ctx.query);
  return json(listBody(await pageOfAll(await listPermissions(ctx.db, ROOT_SCOPE_ID), window), toPermission));
}

export async function getWorkosPermission(ctx: WorkosContext<Slug>) {
  return json(toPermission(await environmentPermission(ctx.db, ctx.params.slug)));
}

export async function updateWorkosPermission(ctx: WorkosContext<Slug>) {
  const body = parseWith(updateSchema, await ctx.body());
  const permission = await environmentPermission(ctx.db, ctx.params.slug);
  const { value } = await updatePermission(ctx.db, ctx.actor, permission.id, { label: body.name, description: body.description });
  return json(toPermission(value));
}

export async function deleteWorkosPermission(ctx: WorkosContext<Slug>) {
  await deletePermission(ctx.db, ctx.actor, (await environmentPermission(ctx.db, ctx.params.slug)).id);
  return noContent();
}
