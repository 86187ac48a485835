/**
 * Derived queries, answered by the same `decide` as a check so they can never
 * disagree with it: candidates come from the subject's grants (or the
 * resource's grants), and every candidate is confirmed by a decision.
 */
import type { Database } from "@/db/client";
import { parseWith } from "@/lib/shared/errors";
import { globMatch } from "@/lib/shared/glob";
import type { CheckContext } from "@/lib/grants/conditions";
import { actionFor } from "./check";
import { baseSet, bearingBelow, bearingOn, covers, decide, grantsOfSubjects, patternMatches, subjectSetIn, weigh, type Bearing, type Subject, type SubjectSet } from "./decide";
import { accessEngine } from "./engine";
import { subjectKey, type GrantNode, type ResourceNode } from "./model";
import { organizationOf, resolveResource, resolveSubject } from "./refs";
import { effectiveActionsSchema, lookupResourcesSchema, lookupSubjectsSchema } from "./schemas";
import type { AccessState } from "./state";

function* subtree(root: ResourceNode): Generator<ResourceNode> {
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    yield node;
    if (node.children) stack.push(...node.children);
  }
}

/** Every resource a grant reaches: its target's subtree, or the subtrees of the resources its pattern matches. */
export function* grantTargets(state: AccessState, grant: GrantNode): Generator<ResourceNode> {
  for (const start of grantStarts(state, grant)) yield* subtree(start);
}

/** Where a grant's reach begins: its target, or the topmost resources of its organization its pattern matches. */
function grantStarts(state: AccessState, grant: GrantNode): ResourceNode[] {
  if (grant.resourceId) {
    const node = state.resources.get(grant.resourceId);
    return node ? [node] : [];
  }
  const rootId = state.organizations.get(grant.organizationId)?.rootId;
  const root = rootId ? state.resources.get(rootId) : undefined;
  const starts: ResourceNode[] = [];
  const stack = root ? [root] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (patternMatches(grant.resourcePattern!, node)) starts.push(node);
    else if (node.children) stack.push(...node.children);
  }
  return starts;
}

/** Subject sets per organization, computed once per query. */
function setsFor(state: AccessState, subject: Subject, context: CheckContext) {
  const cache = new Map<string, SubjectSet>();
  return (organizationId: string) => {
    let set = cache.get(organizationId);
    if (!set) cache.set(organizationId, (set = subjectSetIn(state, subject, organizationId, context)));
    return set;
  };
}

export type LookupResource = { id: string; type: string; externalId: string; organizationId: string; name: string; allowed: boolean };

/**
 * Candidates are the subtrees the subject's grants reach (its own, its
 * groups' and departments', its roles'); each is walked once, top down,
 * carrying what bears on a decision from parent to child, and every
 * candidate is decided by `weigh` — the rules a check applies, over the same
 * grants a check would gather, without gathering them again per resource.
 */
export async function lookupResources(db: Database, input: unknown) {
  const q = parseWith(lookupResourcesSchema, input);
  const state = await accessEngine(db).fresh(q.atLeastAsFresh);
  const subject = resolveSubject(state, q.subject, q.organization, "subject");
  const organizationId = organizationOf(state, q.organization);
  const context = q.context ?? {};
  const setIn = setsFor(state, subject, context);

  // Candidate grants: the subject's own, its groups' and departments', and those of the roles it holds.
  const base = baseSet(state, subject);
  const grants: GrantNode[] = [];
  for (const key of base.keys()) grants.push(...(state.grantsBySubject.get(key) ?? []));
  for (const [orgId, count] of state.roleSubjectGrants) {
    if (!count || (organizationId && orgId !== organizationId)) continue;
    for (const key of setIn(orgId).keys()) {
      if (key.startsWith("role:")) grants.push(...(state.grantsBySubject.get(key) ?? []).filter((g) => g.organizationId === orgId));
    }
  }

  const wanted = (node: ResourceNode) =>
    (!q.resourceType || node.typeKey === q.resourceType) &&
    (!q.cursor || node.id > q.cursor) &&
    (!q.patterns?.length || q.patterns.some((p) => globMatch(p, node.externalId) || globMatch(p, `${node.typeKey}:${node.externalId}`)));
  const visited = new Set<ResourceNode>();
  const found: { node: ResourceNode; allowed: boolean }[] = [];
  for (const grant of grants) {
    if (organizationId && grant.organizationId !== organizationId) continue;
    if (grant.effect === "deny" && !q.includeDenied) continue;
    for (const start of grantStarts(state, grant)) {
      // A subtree already walked from another grant is skipped whole: that walk decided every resource in it.
      if (visited.has(start)) continue;
      const subjects = setIn(start.organizationId);
      const stack: [ResourceNode, Bearing][] = [[start, bearingOn(state, subjects, start)]];
      while (stack.length) {
        const [node, bearing] = stack.pop()!;
        if (visited.has(node)) continue;
        visited.add(node);
        const action = wanted(node) ? actionFor(q.action, node) : null;
        if (action) {
          const decision = weigh(state, bearing, action, node, context, q.includeDenied);
          if (decision.allowed || (q.includeDenied && decision.deny.length)) found.push({ node, allowed: decision.allowed });
        }
        for (const child of node.children ?? []) stack.push([child, bearingBelow(bearing, subjects, child)]);
      }
    }
  }

  found.sort((a, b) => (a.node.id < b.node.id ? -1 : 1));
  const page = found.slice(0, q.limit);
  const data: LookupResource[] = page.map(({ node, allowed }) => ({
    id: node.id,
    type: node.typeKey,
    externalId: node.externalId,
    organizationId: node.organizationId,
    name: node.name,
    allowed,
  }));
  return { data, nextCursor: found.length > q.limit ? page[page.length - 1].node.id : null, revision: state.revision };
}

/** Every action the subject may take on the resource, each confirmed by a decision. */
export function effectiveActionsIn(state: AccessState, subjects: SubjectSet, node: ResourceNode, context: CheckContext): string[] {
  const candidates = new Set<string>();
  const consider = (grant: GrantNode) => {
    if (grant.effect !== "allow" || !subjects.has(grant.subjectKey)) return;
    if (grant.actions) {
      for (const a of grant.actions) {
        if (a !== "*") candidates.add(a);
        else {
          for (const declared of node.actions ?? []) candidates.add(declared);
          for (const p of state.permissions.values()) if (p.resourceType === node.typeKey) candidates.add(p.action);
        }
      }
    } else if (grant.roleId) {
      for (const [action, patterns] of state.roleCoverage(grant.roleId, node.typeKey)) {
        if (patterns.some((p) => p === "*" || globMatch(p, node.externalId))) candidates.add(action);
      }
    }
  };
  for (let x: ResourceNode | null = node; x; x = x.parent) for (const g of grantsOfSubjects(x, subjects)) consider(g);
  for (const g of state.patternGrants.get(node.organizationId) ?? []) consider(g);
  return [...candidates].filter((a) => decide(state, subjects, a, node, context).allowed).sort();
}

export async function effectiveActions(db: Database, input: unknown) {
  const q = parseWith(effectiveActionsSchema, input);
  const state = await accessEngine(db).fresh(q.atLeastAsFresh);
  const node = resolveResource(state, q.resource, q.organization, "resource");
  const subject = resolveSubject(state, q.subject, q.organization, "subject");
  const context = q.context ?? {};
  const subjects = subjectSetIn(state, subject, node.organizationId, context);
  return { actions: effectiveActionsIn(state, subjects, node, context), revision: state.revision };
}

/** Users a grant's subject stands for: groups transitively, departments with their sub-departments, role holders. */
function usersOf(state: AccessState, key: string, organizationId: string, seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  if (seen.has(key)) return out;
  seen.add(key);
  const [type, id] = [key.slice(0, key.indexOf(":")), key.slice(key.indexOf(":") + 1)];
  if (type === "user") out.add(id);
  if (type === "group") {
    for (const u of state.groupUsers.get(id) ?? []) out.add(u);
    for (const g of state.groupGroups.get(id) ?? []) for (const u of usersOf(state, subjectKey("group", g), organizationId, seen)) out.add(u);
  }
  if (type === "department") {
    for (const u of state.departmentUsers.get(id) ?? []) out.add(u);
    for (const d of state.departmentChildren.get(id) ?? []) for (const u of usersOf(state, subjectKey("department", d), organizationId, seen)) out.add(u);
  }
  if (type === "role") {
    const rootId = state.organizations.get(organizationId)?.rootId;
    for (const grant of (rootId && state.resources.get(rootId)?.grants) || []) {
      if (grant.roleId === id && grant.effect === "allow") for (const u of usersOf(state, grant.subjectKey, organizationId, seen)) out.add(u);
    }
  }
  return out;
}

export type LookupSubject = { userId: string; externalId: string | null; email: string | null; name: string | null; direct: boolean; actions?: string[] };

export async function lookupSubjects(db: Database, input: unknown) {
  const q = parseWith(lookupSubjectsSchema, input);
  const state = await accessEngine(db).fresh(q.atLeastAsFresh);
  const node = resolveResource(state, q.resource, q.organization, "resource");
  const context = q.context ?? {};

  const grants: GrantNode[] = [];
  for (let x: ResourceNode | null = node; x; x = q.assignment === "direct" ? null : x.parent) grants.push(...(x.grants ?? []));
  for (const g of state.patternGrants.get(node.organizationId) ?? []) {
    for (let x: ResourceNode | null = node; x; x = q.assignment === "direct" ? null : x.parent) {
      if (patternMatches(g.resourcePattern!, x)) {
        grants.push(g);
        break;
      }
    }
  }
  const candidates = new Set<string>();
  for (const g of grants) {
    if (g.effect !== "allow" || (q.action && !actionCovered(state, g, q.action, node))) continue;
    for (const u of usersOf(state, g.subjectKey, node.organizationId)) candidates.add(u);
  }

  const found: { userId: string; direct: boolean; actions?: string[] }[] = [];
  for (const userId of [...candidates].sort()) {
    if (q.cursor && userId <= q.cursor) continue;
    const subjects = subjectSetIn(state, { type: "user", id: userId }, node.organizationId, context);
    const actions = q.includeActions || !q.action ? effectiveActionsIn(state, subjects, node, context) : undefined;
    const action = q.action ? actionFor(q.action, node) : null;
    const decision = action ? decide(state, subjects, action, node, context, true) : null;
    if (decision ? !decision.allowed : !actions?.length) continue;
    const direct = decision ? decision.allow.some((m) => m.target === node && m.grant.resourceId === node.id) : grants.some((g) => g.resourceId === node.id && subjects.has(g.subjectKey));
    if (q.assignment === "direct" && !direct) continue;
    found.push({ userId, direct, ...(q.includeActions ? { actions } : {}) });
    if (found.length > q.limit) break;
  }
  const page = found.slice(0, q.limit);
  const data: LookupSubject[] = page.map((f) => ({
    userId: f.userId,
    externalId: state.users.get(f.userId)?.externalId ?? null,
    email: state.users.get(f.userId)?.email ?? null,
    name: state.users.get(f.userId)?.name ?? null,
    direct: f.direct,
    ...(f.actions ? { actions: f.actions } : {}),
  }));
  return { data, nextCursor: found.length > q.limit ? page[page.length - 1].userId : null, revision: state.revision };
}

function actionCovered(state: AccessState, grant: GrantNode, actionRef: string, node: ResourceNode) {
  const action = actionFor(actionRef, node);
  return !!action && covers(state, grant, action, node);
}
