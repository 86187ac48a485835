/**
 * Resolves resource and subject references against the in-memory index, so a
 * check needs no database read. Same forms as everywhere in Arbor: ids, or
 * compact `type:externalId` references disambiguated by `organization`.
 * A tenant (lib/tenancy/rules.ts) always asks within its organization: what
 * belongs to another one is not found.
 */
import { conflict, notFound } from "@/lib/shared/errors";
import { splitCompactRef } from "@/lib/shared/refs";
import { currentTenant, seesOrganization, seesScope } from "@/lib/tenancy/rules";
import type { ResourceNode } from "./model";
import type { Subject } from "./decide";
import type { AccessState } from "./state";

export function resolveOrganization(state: AccessState, ref: string, field = "organization"): string {
  const id = state.organizations.has(ref) ? ref : state.organizationByExternal.get(ref);
  if (id && seesOrganization(id)) return id;
  throw notFound("organization", ref, field);
}

/** The organization a question is asked in: the one named, else the tenant's (undefined: any). */
export function organizationOf(state: AccessState, organization: string | undefined): string | undefined {
  return organization ? resolveOrganization(state, organization) : currentTenant()?.organizationId;
}

export function resolveResource(state: AccessState, ref: string, organization: string | undefined, field = "resource"): ResourceNode {
  const byId = state.resources.get(ref);
  if (byId) {
    if (!seesOrganization(byId.organizationId)) throw notFound("resource", ref, field);
    return byId;
  }
  const compact = splitCompactRef(ref);
  if (!compact) throw notFound("resource", ref, field);
  const orgId = organizationOf(state, organization);
  if (compact.type === "organization") {
    const org = state.organizations.get(compact.key) ?? state.organizations.get(state.organizationByExternal.get(compact.key) ?? "");
    const root = org?.rootId ? state.resources.get(org.rootId) : undefined;
    if (root && (!orgId || root.organizationId === orgId)) return root;
  }
  let candidates = state.resourcesNamed(compact.type, compact.key);
  if (orgId) candidates = candidates.filter((n) => n.organizationId === orgId);
  if (candidates.length === 1) return candidates[0];
  if (candidates.length > 1) throw conflict(`'${ref}' exists in several organizations; pass organization`, field, "ambiguous");
  throw notFound("resource", ref, field);
}

const ID_PREFIXES: [string, Subject["type"]][] = [
  ["user_", "user"],
  ["group_", "group"],
  ["dept_", "department"],
  ["role_", "role"],
];

function pickOne(ids: string[] | undefined, ref: string, field: string, kind: string, inOrg: (id: string) => boolean): string {
  const found = (ids ?? []).filter(inOrg);
  if (found.length === 1) return found[0];
  if (found.length > 1) throw conflict(`'${ref}' names ${kind}s in several organizations; pass organization`, field, "ambiguous");
  throw notFound(kind, ref, field);
}

export function resolveSubject(state: AccessState, ref: string, organization: string | undefined, field = "subject"): Subject {
  const subject = findSubject(state, ref, organization, field);
  if (!visible(state, subject)) throw notFound(subject.type, ref, field);
  return subject;
}

/** Users are environment-wide; groups, departments and roles are seen by the tenant they belong to. */
function visible(state: AccessState, subject: Subject): boolean {
  if (subject.type === "group") return seesOrganization(state.groups.get(subject.id)?.organizationId ?? null);
  if (subject.type === "department") return seesOrganization(state.departments.get(subject.id)?.organizationId ?? null);
  if (subject.type === "role") return seesScope(state.roles.get(subject.id)?.scopeId ?? "");
  return true;
}

function findSubject(state: AccessState, ref: string, organization: string | undefined, field: string): Subject {
  for (const [prefix, type] of ID_PREFIXES) {
    if (!ref.startsWith(prefix)) continue;
    const known =
      type === "user" ? state.users.has(ref) : type === "group" ? state.groups.has(ref) : type === "department" ? state.departments.has(ref) : state.roles.has(ref);
    if (known) return { type, id: ref };
  }
  if (ref.startsWith("om_")) {
    const membership = state.memberships.get(ref);
    if (membership && seesOrganization(membership.organizationId)) return { type: "user", id: membership.userId };
  }
  const compact = splitCompactRef(ref);
  if (!compact) throw notFound("subject", ref, field);
  const orgId = organizationOf(state, organization);
  const { type, key } = compact;
  if (type === "user") {
    const id = state.usersByExternal.get(key) ?? (state.users.has(key) ? key : undefined);
    if (!id) throw notFound("user", ref, field);
    return { type: "user", id };
  }
  if (type === "membership") {
    const membership = state.memberships.get(key);
    if (!membership || !seesOrganization(membership.organizationId)) throw notFound("membership", ref, field);
    return { type: "user", id: membership.userId };
  }
  if (type === "group") {
    if (state.groups.has(key)) return { type: "group", id: key };
    const inOrg = (id: string) => !orgId || [orgId, null].includes(state.groups.get(id)?.organizationId ?? null);
    return { type: "group", id: pickOne(state.groupsByExternal.get(key), ref, field, "group", inOrg) };
  }
  if (type === "department") {
    if (state.departments.has(key)) return { type: "department", id: key };
    const inOrg = (id: string) => !orgId || state.departments.get(id)?.organizationId === orgId;
    return { type: "department", id: pickOne(state.departmentsByExternal.get(key), ref, field, "department", inOrg) };
  }
  if (type === "role") {
    const scopeId = orgId ? state.organizations.get(orgId)!.scopeId : "scope_default";
    const chain = state.scopeChain(scopeId);
    const candidates = (state.rolesBySlug.get(key) ?? []).filter((r) => chain.includes(r.scopeId));
    candidates.sort((a, b) => chain.indexOf(a.scopeId) - chain.indexOf(b.scopeId));
    if (!candidates.length) throw notFound("role", ref, field);
    return { type: "role", id: candidates[0].id };
  }
  throw notFound("subject", ref, field);
}
