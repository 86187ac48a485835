/**
 * Resources: the tree of an organization's things. Reads are indexed queries
 * or bounded walks (lib/resources/tree.ts); nothing loads a whole tree.
 */
import { and, asc, eq, gt, ilike, inArray, or, type SQL } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { grants, resources } from "@/db/schema";
import { conflict, invalid, notFound, parseWith } from "@/lib/shared/errors";
import { newId } from "@/lib/shared/ids";
import { pageQuerySchema, toPage, type Page } from "@/lib/shared/paging";
import { write, type WriteContext } from "@/lib/revisions/write";
import { getOrganization, rootResource, type Organization } from "@/lib/organizations/service";
import { ORGANIZATION_TYPE_ID } from "@/lib/organizations/schemas";
import { removeGrants } from "@/lib/subjects/cleanup";
import { relocate } from "./move";
import { assertAllowedParent, assertDepth, resolveParent } from "./placement";
import { resolveResourceRef, type Resource } from "./refs";
import {
  cascadeOptionSchema,
  createResourceSchema,
  listResourcesQuerySchema,
  searchResourcesQuerySchema,
  updateResourceSchema,
  type CreateResourceInput,
} from "./schemas";
import { ancestorChains, childCounts, escapeLike, subtreeIds, subtreeSize } from "./tree";
import { typeVisibleFrom } from "./types";
import { toView, toViews, type ResourceView } from "./views";

export type { Resource } from "./refs";
export type { ResourceView } from "./views";
export type ResourceListItem = ResourceView & { childCount: number };
/** A search hit with the path from the root down to its parent. */
export type SearchHit = ResourceListItem & { path: ResourceView[] };

type LookupOptions = { organization?: string };

async function findParent(tx: Queryable, org: Organization, data: { parentId?: string; parentType?: string; parentExternalId?: string }, at: (f: string) => string) {
  if (data.parentId) return { parent: await resolveParent(tx, data.parentId, org.id, at("parentId")), field: at("parentId") };
  if (data.parentType && data.parentExternalId) {
    const parent = await findByExternalId(tx, org, data.parentType, data.parentExternalId, at("parentType"), at("parentExternalId"));
    return { parent, field: at("parentExternalId") };
  }
  return { parent: await rootResource(tx, org), field: at("parentId") };
}

async function findByExternalId(db: Queryable, org: Organization, typeRef: string, externalId: string, typeField: string, idField: string) {
  const type = await typeVisibleFrom(db, org.scopeId, typeRef, typeField);
  const [row] = await db
    .select()
    .from(resources)
    .where(and(eq(resources.organizationId, org.id), eq(resources.resourceTypeId, type.id), eq(resources.externalId, externalId)));
  if (!row) throw notFound("resource", `${type.key}:${externalId}`, idField);
  return row;
}

/** Creates one resource inside a write; `prefix` names the item in batch error messages (`[3]`). */
export async function insertResourceInTx(w: WriteContext, input: CreateResourceInput, prefix = ""): Promise<ResourceView> {
  const data = parseWith(createResourceSchema, input, prefix || undefined);
  const at = (f: string) => (prefix ? `${prefix}.${f}` : f);
  const org = await getOrganization(w.tx, data.organizationId, at("organizationId"));
  const type = await typeVisibleFrom(w.tx, org.scopeId, data.type, at("type"));
  if (type.id === ORGANIZATION_TYPE_ID) {
    throw invalid(at("type"), "not_organization", `${at("type")}: only an organization's root has type 'organization'; create an organization instead`);
  }
  const { parent, field } = await findParent(w.tx, org, data, at);
  await assertAllowedParent(w.tx, type.id, parent, field);
  const parentChain = (await ancestorChains(w.tx, [parent.id])).get(parent.id) ?? [parent.id];
  assertDepth(parentChain.length, field);
  const [clash] = await w.tx
    .select({ id: resources.id })
    .from(resources)
    .where(and(eq(resources.organizationId, org.id), eq(resources.resourceTypeId, type.id), eq(resources.externalId, data.externalId)));
  if (clash) throw conflict(`a '${type.key}' with external id '${data.externalId}' already exists in this organization (${clash.id})`, at("externalId"));
  const [row] = await w.tx
    .insert(resources)
    .values({
      id: newId("resource"),
      organizationId: org.id,
      resourceTypeId: type.id,
      externalId: data.externalId,
      name: data.name,
      description: data.description ?? null,
      parentId: parent.id,
      actions: data.actions ?? null,
      metadata: data.metadata ?? null,
      createdBy: w.actor,
    })
    .returning();
  w.record({ operation: "create", entityType: "resource", entityId: row.id, organizationId: org.id, after: row });
  return { ...row, type: type.key };
}

export async function createResource(db: Database, actor: string, input: unknown) {
  return write(db, actor, (w) => insertResourceInTx(w, input as CreateResourceInput));
}

/** By id or compact ref (`document:doc_7`); `organization` narrows a compact ref. */
export async function getResource(db: Queryable, ref: string, options: LookupOptions = {}): Promise<ResourceView> {
  return toView(db, await resolveResourceRef(db, ref, { organization: options.organization, field: "id" }));
}

export async function getResourceByExternalId(db: Queryable, key: { organization: string; type: string; externalId: string }): Promise<ResourceView> {
  const org = await getOrganization(db, key.organization, "organizationId");
  return toView(db, await findByExternalId(db, org, key.type, key.externalId, "type", "externalId"));
}

/** Name, description, declared actions; a `parentId` also moves it (same rules as moveResource). */
export async function updateResource(db: Database, actor: string, ref: string, input: unknown, options: LookupOptions = {}) {
  const data = parseWith(updateResourceSchema, input);
  return write(db, actor, async (w) => {
    const before = await resolveResourceRef(w.tx, ref, { organization: options.organization, field: "id" });
    const { parentId, ...fields } = data;
    let after = parentId ? await relocate(w, before, parentId) : before;
    if (Object.keys(fields).length) {
      [after] = await w.tx.update(resources).set({ ...fields, updatedAt: new Date() }).where(eq(resources.id, before.id)).returning();
    }
    if (after !== before) {
      w.record({ operation: "update", entityType: "resource", entityId: before.id, organizationId: before.organizationId, before, after });
    }
    return toView(w.tx, after);
  });
}

export type DeletedResource = ResourceView & { removed: { resources: number; grants: number } };

const DELETE_CHUNK = 1000;

/**
 * Refused (409) while the resource has children or grants, unless cascade:
 * then the whole subtree and every grant on it go in this one transaction,
 * each recorded. The organization's root goes only with its organization.
 */
export async function deleteResource(db: Database, actor: string, ref: string, options: LookupOptions & { cascade?: unknown } = {}) {
  const { cascade } = parseWith(cascadeOptionSchema, { cascade: options.cascade });
  return write(db, actor, async (w): Promise<DeletedResource> => {
    const target = await resolveResourceRef(w.tx, ref, { organization: options.organization, field: "id" });
    if (target.parentId === null) throw conflict("the organization's root resource is deleted with its organization", "id", "root");
    const view = await toView(w.tx, target);
    if (!cascade) {
      const [child] = await w.tx.select({ id: resources.id }).from(resources).where(eq(resources.parentId, target.id)).limit(1);
      if (child) throw conflict(`resource '${target.id}' has children; delete with cascade=true to remove its subtree`, "id", "has_children");
      const [grant] = await w.tx.select({ id: grants.id }).from(grants).where(eq(grants.resourceId, target.id)).limit(1);
      if (grant) throw conflict(`resource '${target.id}' has grants (e.g. ${grant.id}); delete with cascade=true to revoke them`, "id", "has_grants");
    }
    // Deepest first, so no chunk removes a parent before its children.
    const ids = cascade ? await subtreeIds(w.tx, target.id) : [target.id];
    let removedGrants = 0;
    for (let i = 0; i < ids.length; i += DELETE_CHUNK) {
      const chunk = ids.slice(i, i + DELETE_CHUNK);
      removedGrants += await removeGrants(w, inArray(grants.resourceId, chunk));
      const gone = await w.tx.delete(resources).where(inArray(resources.id, chunk)).returning();
      for (const r of gone) w.record({ operation: "delete", entityType: "resource", entityId: r.id, organizationId: r.organizationId, before: r });
    }
    return { ...view, removed: { resources: ids.length, grants: removedGrants } };
  });
}

async function withChildCounts(db: Queryable, rows: Resource[]): Promise<ResourceListItem[]> {
  const [views, counts] = await Promise.all([toViews(db, rows), childCounts(db, rows.map((r) => r.id))]);
  return views.map((v) => ({ ...v, childCount: counts.get(v.id) ?? 0 }));
}

async function pageOf(db: Queryable, where: SQL | undefined, page: { limit: number; cursor?: string }): Promise<Page<ResourceListItem>> {
  const rows = await db
    .select()
    .from(resources)
    .where(and(where, page.cursor ? gt(resources.id, page.cursor) : undefined))
    .orderBy(asc(resources.id))
    .limit(page.limit + 1);
  const result = toPage(rows, page.limit, (r) => r.id);
  return { data: await withChildCounts(db, result.data), nextCursor: result.nextCursor };
}

/**
 * An organization's resources, optionally only the children of `parentId`
 * and of one `type`; with `search`, name/external-id matches with their paths.
 */
export async function listResources(db: Queryable, query: unknown): Promise<Page<ResourceListItem | SearchHit>> {
  const q = parseWith(listResourcesQuerySchema, query);
  if (q.search) return searchResources(db, q);
  const org = await getOrganization(db, q.organization, "organization");
  const parent = q.parentId ? await resolveParent(db, q.parentId, org.id, "parentId") : undefined;
  const type = q.type ? await typeVisibleFrom(db, org.scopeId, q.type, "type") : undefined;
  return pageOf(
    db,
    and(eq(resources.organizationId, org.id), parent ? eq(resources.parentId, parent.id) : undefined, type ? eq(resources.resourceTypeId, type.id) : undefined),
    q,
  );
}

export async function listChildren(db: Queryable, ref: string, query: unknown, options: LookupOptions = {}): Promise<Page<ResourceListItem>> {
  const page = parseWith(pageQuerySchema, query);
  const parent = await resolveResourceRef(db, ref, { organization: options.organization, field: "id" });
  return pageOf(db, eq(resources.parentId, parent.id), page);
}

/** The path from the organization's root down to the resource's parent (root first). */
export async function resourceAncestors(db: Queryable, ref: string, options: LookupOptions = {}): Promise<ResourceView[]> {
  const resource = await resolveResourceRef(db, ref, { organization: options.organization, field: "id" });
  const chain = ((await ancestorChains(db, [resource.id])).get(resource.id) ?? []).slice(0, -1);
  if (!chain.length) return [];
  const rows = await db.select().from(resources).where(inArray(resources.id, chain));
  const byId = new Map((await toViews(db, rows)).map((v) => [v.id, v]));
  return chain.map((id) => byId.get(id)!);
}

/**
 * Case-insensitive "contains" over names and external ids in one
 * organization; at most 100 hits a page, each with its ancestor path
 * (one walk for the whole page).
 */
export async function searchResources(db: Queryable, query: unknown): Promise<Page<SearchHit>> {
  const q = parseWith(searchResourcesQuerySchema, query);
  const org = await getOrganization(db, q.organization, "organization");
  const type = q.type ? await typeVisibleFrom(db, org.scopeId, q.type, "type") : undefined;
  const pattern = `%${escapeLike(q.search)}%`;
  const rows = await db
    .select()
    .from(resources)
    .where(
      and(
        eq(resources.organizationId, org.id),
        or(ilike(resources.name, pattern), ilike(resources.externalId, pattern)),
        type ? eq(resources.resourceTypeId, type.id) : undefined,
        q.cursor ? gt(resources.id, q.cursor) : undefined,
      ),
    )
    .orderBy(asc(resources.id))
    .limit(q.limit + 1);
  const page = toPage(rows, q.limit, (r) => r.id);
  const hits = await withChildCounts(db, page.data);
  const chains = await ancestorChains(db, hits.map((h) => h.id));
  const pathIds = [...new Set([...chains.values()].flatMap((chain) => chain.slice(0, -1)))];
  const pathRows = pathIds.length ? await db.select().from(resources).where(inArray(resources.id, pathIds)) : [];
  const byId = new Map((await toViews(db, pathRows)).map((v) => [v.id, v]));
  return {
    data: hits.map((hit) => ({ ...hit, path: (chains.get(hit.id) ?? []).slice(0, -1).map((id) => byId.get(id)!) })),
    nextCursor: page.nextCursor,
  };
}

/** What a cascade delete would remove: the resources below this one and the grants on the whole subtree. */
export async function countDescendants(db: Queryable, ref: string, options: LookupOptions = {}) {
  const resource = await resolveResourceRef(db, ref, { organization: options.organization, field: "id" });
  return { resourceId: resource.id, ...(await subtreeSize(db, resource.id)) };
}
