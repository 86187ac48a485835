/**
 * The decision rules (SPEC "Decision semantics"), in one place:
 *   1. expand the subject (groups transitively, departments and their
 *      ancestors, roles held organization-wide);
 *   2. walk the resource and its ancestors, plus pattern grants matching any of them;
 *   3. a grant matches when its subject is in (1), it covers the action on the
 *      resource's type, and its conditions hold for the context;
 *   4. any matching deny → denied; else any matching allow → allowed; else denied.
 */
import { conditionsHold, type CheckContext } from "@/lib/grants/conditions";
import { globMatch } from "@/lib/shared/glob";
import { subjectKey, type GrantNode, type ResourceNode } from "./model";
import type { AccessState } from "./state";

export type Subject = { type: "user" | "group" | "department" | "role"; id: string };

/** Subject key → the key it was reached through (null for the subject itself): explains "via group eng". */
export type SubjectSet = Map<string, string | null>;

export type Match = { grant: GrantNode; target: ResourceNode; via: string };
export type Decision = { allowed: boolean; allow: Match[]; deny: Match[] };

function expandGroupsAndDepartments(state: AccessState, start: Subject): SubjectSet {
  const set: SubjectSet = new Map([[subjectKey(start.type, start.id), null]]);
  const stack = [subjectKey(start.type, start.id)];
  while (stack.length) {
    const key = stack.pop()!;
    for (const groupId of state.groupsContaining.get(key) ?? []) {
      const groupKey = subjectKey("group", groupId);
      if (set.has(groupKey)) continue;
      set.set(groupKey, key);
      stack.push(groupKey);
    }
  }
  const departments = start.type === "user" ? state.userDepartments.get(start.id) : start.type === "department" ? new Set([start.id]) : undefined;
  for (const direct of departments ?? []) {
    let via = subjectKey(start.type, start.id);
    for (let id: string | null | undefined = direct; id; id = state.departments.get(id)?.parentId) {
      const key = subjectKey("department", id);
      if (!set.has(key)) set.set(key, via === key ? null : via);
      via = key;
    }
  }
  return set;
}

/** The subject's set without organization roles; cached per user until memberships change. */
export function baseSet(state: AccessState, subject: Subject): SubjectSet {
  if (subject.type !== "user") return expandGroupsAndDepartments(state, subject);
  let set = state.subjectCache.get(subject.id);
  if (!set) {
    set = expandGroupsAndDepartments(state, subject);
    if (state.subjectCache.size > 50_000) state.subjectCache.clear();
    state.subjectCache.set(subject.id, set);
  }
  return set;
}

/**
 * Adds the roles the subject holds in an organization: roles granted (allow)
 * on the organization's root resource. Only computed when some grant in the
 * organization names a role as its subject.
 */
export function subjectSetIn(state: AccessState, subject: Subject, organizationId: string, context: CheckContext): SubjectSet {
  const base = baseSet(state, subject);
  if (!state.roleSubjectGrants.get(organizationId)) return base;
  const rootId = state.organizations.get(organizationId)?.rootId;
  const root = rootId ? state.resources.get(rootId) : undefined;
  let set = base;
  for (const grant of root ? grantsOfSubjects(root, base) : NONE) {
    if (grant.effect !== "allow" || !grant.roleId || !conditionsHold(grant.conditions, context)) continue;
    if (set === base) set = new Map(base);
    set.set(subjectKey("role", grant.roleId), grant.subjectKey);
  }
  return set;
}

export function patternMatches(pattern: string, node: ResourceNode): boolean {
  return globMatch(pattern, node.externalId) || globMatch(pattern, `${node.typeKey}:${node.externalId}`);
}

/** Does a grant cover this action on this resource (by its action list, or its role's permissions on the type)? */
export function covers(state: AccessState, grant: GrantNode, action: string, node: ResourceNode): boolean {
  if (grant.actions) return grant.actions.includes(action) || grant.actions.includes("*");
  if (!grant.roleId) return false;
  const coverage = state.roleCoverage(grant.roleId, node.typeKey);
  const patterns = coverage.get(action) ?? coverage.get("*");
  return !!patterns && patterns.some((p) => p === "*" || globMatch(p, node.externalId));
}

/**
 * What bears on a decision at a resource for one subject set: the grants of
 * the set on the resource or its ancestors (nearest first), and the
 * organization's pattern grants of the set, each with the nearest resource
 * (itself or an ancestor) its pattern matches — null when none does.
 */
export type Bearing = { direct: Match[]; patterns: GrantNode[]; patternTargets: (ResourceNode | null)[] };

/** From this many grants on one resource, its grants are found by subject instead of by scanning them all. */
const INDEX_FROM = 32;
const NONE: GrantNode[] = [];

/** The resource's grants whose subject is in the set, in the resource's order. */
export function grantsOfSubjects(node: ResourceNode, subjects: SubjectSet): GrantNode[] {
  const grants = node.grants;
  if (!grants) return NONE;
  if (grants.length < INDEX_FROM || subjects.size * 4 > grants.length) return grants.filter((grant) => subjects.has(grant.subjectKey));
  let index = node.grantIndex;
  if (!index) {
    index = new Map();
    for (let i = 0; i < grants.length; i++) {
      const positions = index.get(grants[i].subjectKey);
      if (positions) positions.push(i);
      else index.set(grants[i].subjectKey, [i]);
    }
    node.grantIndex = index;
  }
  const positions: number[] = [];
  for (const key of subjects.keys()) {
    const found = index.get(key);
    if (found) positions.push(...found);
  }
  return positions.sort((a, b) => a - b).map((i) => grants[i]);
}

function directOn(subjects: SubjectSet, node: ResourceNode, into: Match[]) {
  for (const grant of grantsOfSubjects(node, subjects)) into.push({ grant, target: node, via: grant.subjectKey });
}

export function bearingOn(state: AccessState, subjects: SubjectSet, node: ResourceNode): Bearing {
  const direct: Match[] = [];
  for (let x: ResourceNode | null = node; x; x = x.parent) directOn(subjects, x, direct);
  const patterns = (state.patternGrants.get(node.organizationId) ?? []).filter((grant) => subjects.has(grant.subjectKey));
  const patternTargets = patterns.map((grant) => {
    for (let x: ResourceNode | null = node; x; x = x.parent) if (patternMatches(grant.resourcePattern!, x)) return x;
    return null;
  });
  return { direct, patterns, patternTargets };
}

/** The bearing at a child, from its parent's (same subject set): what a walk down a subtree carries along. */
export function bearingBelow(parent: Bearing, subjects: SubjectSet, node: ResourceNode): Bearing {
  const own: Match[] = [];
  directOn(subjects, node, own);
  const direct = own.length ? own.concat(parent.direct) : parent.direct;
  const patternTargets = parent.patterns.length ? parent.patterns.map((grant, i) => (patternMatches(grant.resourcePattern!, node) ? node : parent.patternTargets[i])) : parent.patternTargets;
  return direct === parent.direct && patternTargets === parent.patternTargets ? parent : { direct, patterns: parent.patterns, patternTargets };
}

/**
 * One decision. With `collect` false it stops at the first deny, which is
 * all a check needs; explain collects every matching grant.
 */
export function decide(state: AccessState, subjects: SubjectSet, action: string, node: ResourceNode, context: CheckContext, collect = false): Decision {
  return weigh(state, bearingOn(state, subjects, node), action, node, context, collect);
}

/** The decision rules (3, 4) over what bears on the resource: a check and a lookup's walk both end here. */
export function weigh(state: AccessState, bearing: Bearing, action: string, node: ResourceNode, context: CheckContext, collect = false): Decision {
  const allow: Match[] = [];
  const deny: Match[] = [];
  for (const match of bearing.direct) {
    if (!covers(state, match.grant, action, node) || !conditionsHold(match.grant.conditions, context)) continue;
    if (match.grant.effect === "allow") {
      allow.push(match);
      continue;
    }
    deny.push(match);
    if (!collect) return { allowed: false, allow, deny };
  }
  for (let i = 0; i < bearing.patterns.length; i++) {
    const grant = bearing.patterns[i];
    const target = bearing.patternTargets[i];
    if (!target || !covers(state, grant, action, node) || !conditionsHold(grant.conditions, context)) continue;
    const match = { grant, target, via: grant.subjectKey };
    if (grant.effect === "allow") {
      allow.push(match);
      continue;
    }
    deny.push(match);
    if (!collect) return { allowed: false, allow, deny };
  }
  return { allowed: deny.length === 0 && allow.length > 0, allow, deny };
}

/** The resources from a grant's target down to the checked resource. */
export function pathDown(from: ResourceNode, to: ResourceNode): ResourceNode[] {
  const path: ResourceNode[] = [];
  for (let x: ResourceNode | null = to; x; x = x.parent) {
    path.push(x);
    if (x === from) break;
  }
  return path.reverse();
}

/** How a subject reached a grant's subject: e.g. user:u → group:eng → group:all. */
export function subjectChain(subjects: SubjectSet, key: string): string[] {
  const chain: string[] = [];
  for (let k: string | null | undefined = key; k; k = subjects.get(k)) {
    chain.push(k);
    if (chain.length > 64) break;
  }
  return chain.reverse();
}
