/**
 * Discovery in the WorkOS shape, built on the engine's own answers so it can
 * never disagree with a check: which children of a resource a subject may act
 * on, which memberships may act on a resource, which permissions a subject
 * effectively holds on a resource.
 */
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships } from "@/db/schema";
import { notFound } from "@/lib/shared/errors";
import { globMatch } from "@/lib/shared/glob";
import { listPermissions, type Permission } from "@/lib/permissions/service";
import type { Membership } from "@/lib/subjects/refs";
import { checkIn } from "./check";
import { accessEngine } from "./engine";
import { effectiveActions, lookupSubjects } from "./lookup";

/** Ids of the direct children of `parentId` on which the subject may take `action`, in id order. */
export async function permittedChildren(db: Database, q: { subject: string; action: string; parentId: string; organization: string }): Promise<string[]> {
  const state = await accessEngine(db).fresh();
  const parent = state.resources.get(q.parentId);
  if (!parent) throw notFound("resource", q.parentId, "parentId");
  return (parent.children ?? [])
    .map((child) => child.id)
    .filter((id) => checkIn(state, { subject: q.subject, action: q.action, resource: id, organization: q.organization }))
    .sort();
}

const LOOKUP_PAGE = 1000;

/**
 * Memberships of the resource's organization whose users may take `action`
 * on it, by a grant on the resource itself (`direct`) or also on an ancestor
 * or through a group or role (`inherited`). Users with access but no
 * membership there cannot be named by a membership and are left out.
 */
export async function membershipsWithAccess(
  db: Database,
  q: { resourceId: string; action: string; organizationId: string; assignment: "direct" | "inherited" },
): Promise<Membership[]> {
  const userIds: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await lookupSubjects(db, {
      resource: q.resourceId,
      action: q.action,
      organization: q.organizationId,
      assignment: q.assignment,
      includeActions: false,
      limit: LOOKUP_PAGE,
      cursor,
    });
    userIds.push(...page.data.map((s) => s.userId));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const out: Membership[] = [];
  for (let i = 0; i < userIds.length; i += LOOKUP_PAGE) {
    const chunk = userIds.slice(i, i + LOOKUP_PAGE);
    out.push(...(await db.select().from(memberships).where(and(eq(memberships.organizationId, q.organizationId), inArray(memberships.userId, chunk)))));
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : 1));
}

/**
 * The permission definitions (visible from the organization's scope) behind
 * the actions the subject may effectively take on the resource: a definition
 * counts when its action is effective and its pattern covers the resource.
 * Actions granted without any definition have nothing to name them and are left out.
 */
export async function effectivePermissions(
  db: Database,
  q: { subject: string; resource: { id: string; externalId: string; type: string }; organizationScopeId: string },
): Promise<Permission[]> {
  const { actions } = await effectiveActions(db, { subject: q.subject, resource: q.resource.id });
  if (!actions.length) return [];
  const effective = new Set(actions);
  // As in the engine's role coverage, a permission's pattern is matched against the external id.
  const covers = (pattern: string) => pattern === "*" || globMatch(pattern, q.resource.externalId);
  const definitions = await listPermissions(db, q.organizationScopeId, q.resource.type);
  return definitions.filter((p) => effective.has(p.action) && covers(p.resourcePattern)).sort((a, b) => (a.id < b.id ? -1 : 1));
}
