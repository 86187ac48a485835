/**
 * The mutable in-memory index behind the decision engine. Only ./load.ts and
 * ./sync.ts change it; everything else reads.
 */
import type { Condition } from "@/lib/grants/conditions";
import {
  subjectKey,
  type GrantNode,
  type OrganizationDef,
  type PermissionDef,
  type ResourceNode,
  type RoleDef,
  type SubjectType,
} from "./model";

export type ResourceRow = { id: string; organizationId: string; resourceTypeId: string; externalId: string; name: string; parentId: string | null; actions: string[] | null };
export type UserInfo = { externalId: string | null; email: string | null; name: string | null };
export type GrantRow = {
  id: string;
  organizationId: string;
  subjectType: string;
  subjectId: string;
  roleId: string | null;
  actions: string[] | null;
  resourceId: string | null;
  resourcePattern: string | null;
  effect: string;
  conditions: unknown[] | null;
};
export type GroupDef = { id: string; organizationId: string | null; externalId: string };
export type DepartmentDef = { id: string; organizationId: string; externalId: string; parentId: string | null };

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};
const without = <V>(list: V[] | null | undefined, value: V): V[] | null => (list ? list.filter((v) => v !== value) : null);
const addTo = <K, V>(map: Map<K, Set<V>>, key: K, value: V) => {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
};

export class AccessState {
  revision = 0;

  readonly resources = new Map<string, ResourceNode>();
  /**
   * Type key → external id → the resource, or the resources when several
   * organizations use that reference. Nested maps and a bare node in the
   * common case: at a million resources, a joined key string and a
   * one-element array per resource would cost ~100 MB.
   */
  private readonly byTypeExternal = new Map<string, Map<string, ResourceNode | ResourceNode[]>>();
  readonly organizations = new Map<string, OrganizationDef>();
  readonly organizationByExternal = new Map<string, string>();

  readonly grants = new Map<string, GrantNode>();
  readonly grantsBySubject = new Map<string, GrantNode[]>();
  readonly patternGrants = new Map<string, GrantNode[]>();
  readonly roleSubjectGrants = new Map<string, number>();

  readonly users = new Map<string, UserInfo>();
  readonly usersByExternal = new Map<string, string>();
  readonly memberships = new Map<string, { userId: string; organizationId: string }>();

  groups = new Map<string, GroupDef>();
  groupsByExternal = new Map<string, string[]>();
  /** `user:U` or `group:G` → groups that contain it directly. */
  groupsContaining = new Map<string, Set<string>>();
  groupUsers = new Map<string, Set<string>>();
  groupGroups = new Map<string, Set<string>>();

  departments = new Map<string, DepartmentDef>();
  departmentsByExternal = new Map<string, string[]>();
  departmentChildren = new Map<string, Set<string>>();
  userDepartments = new Map<string, Set<string>>();
  departmentUsers = new Map<string, Set<string>>();

  scopeParent = new Map<string, string | null>();
  typeKeyById = new Map<string, string>();
  permissions = new Map<string, PermissionDef>();
  roles = new Map<string, RoleDef>();
  rolesBySlug = new Map<string, RoleDef[]>();
  /** Role id → type key → what the role allows on that type (see roleCoverage). */
  readonly coverageCache = new Map<string, Map<string, Map<string, string[]>>>();
  /** Expanded subject sets (user, groups, departments), keyed by user id; cleared when memberships change. */
  readonly subjectCache = new Map<string, Map<string, string | null>>();

  // ---- resources

  /** Adds or updates a resource under its parent, which must be known already (or be linked later with `linkParent`). */
  upsertResource(row: ResourceRow): ResourceNode {
    const existing = this.resources.get(row.id);
    if (!existing) return this.addResource(row);
    const typeKey = this.typeKeyById.get(row.resourceTypeId) ?? row.resourceTypeId;
    if (existing.typeKey !== typeKey || existing.externalId !== row.externalId) {
      this.unindexExternal(existing);
      existing.typeKey = typeKey;
      existing.externalId = row.externalId;
      this.indexExternal(existing);
    }
    existing.actions = row.actions;
    existing.name = row.name === row.externalId ? row.externalId : row.name;
    this.linkParent(existing, row.parentId ? this.resources.get(row.parentId) ?? null : null);
    return existing;
  }

  /** A resource not in the state yet (a full load adds them all this way). */
  addResource(row: ResourceRow): ResourceNode {
    const node: ResourceNode = {
      id: row.id,
      typeKey: this.typeKeyById.get(row.resourceTypeId) ?? row.resourceTypeId,
      externalId: row.externalId,
      // No second copy of a name equal to the external id, and one string per organization: a million resources repeat them.
      name: row.name === row.externalId ? row.externalId : row.name,
      organizationId: this.organizations.get(row.organizationId)?.id ?? row.organizationId,
      parent: null,
      children: null,
      grants: null,
      grantIndex: null,
      actions: row.actions,
    };
    this.resources.set(row.id, node);
    this.indexExternal(node);
    if (row.parentId) this.linkParent(node, this.resources.get(row.parentId) ?? null);
    return node;
  }

  linkParent(node: ResourceNode, parent: ResourceNode | null) {
    if (node.parent === parent) return;
    if (node.parent) node.parent.children = without(node.parent.children, node);
    node.parent = parent;
    if (parent) (parent.children ??= []).push(node);
  }

  /** The resources a `type:externalId` reference names (several when organizations share it). */
  resourcesNamed(typeKey: string, externalId: string): ResourceNode[] {
    const found = this.byTypeExternal.get(typeKey)?.get(externalId);
    return found === undefined ? [] : Array.isArray(found) ? found : [found];
  }

  private indexExternal(node: ResourceNode) {
    let byExternal = this.byTypeExternal.get(node.typeKey);
    if (!byExternal) this.byTypeExternal.set(node.typeKey, (byExternal = new Map()));
    const found = byExternal.get(node.externalId);
    if (found === undefined) byExternal.set(node.externalId, node);
    else if (Array.isArray(found)) found.push(node);
    else byExternal.set(node.externalId, [found, node]);
  }

  removeResource(id: string) {
    const node = this.resources.get(id);
    if (!node) return;
    for (const grant of node.grants ?? []) this.removeGrant(grant.id);
    for (const child of [...(node.children ?? [])]) this.removeResource(child.id);
    if (node.parent) node.parent.children = without(node.parent.children, node);
    this.unindexExternal(node);
    this.resources.delete(id);
  }

  private unindexExternal(node: ResourceNode) {
    const byExternal = this.byTypeExternal.get(node.typeKey);
    const found = byExternal?.get(node.externalId);
    if (!byExternal || found === undefined) return;
    const left = Array.isArray(found) ? found.filter((n) => n !== node) : found === node ? [] : [found];
    if (left.length > 1) byExternal.set(node.externalId, left);
    else if (left.length === 1) byExternal.set(node.externalId, left[0]);
    else byExternal.delete(node.externalId);
  }

  setOrganization(org: OrganizationDef) {
    const previous = this.organizations.get(org.id);
    if (previous?.externalId) this.organizationByExternal.delete(previous.externalId);
    this.organizations.set(org.id, org);
    if (org.externalId) this.organizationByExternal.set(org.externalId, org.id);
  }

  removeOrganization(id: string) {
    const previous = this.organizations.get(id);
    if (previous?.externalId) this.organizationByExternal.delete(previous.externalId);
    this.organizations.delete(id);
  }

  // ---- grants

  upsertGrant(row: GrantRow) {
    this.removeGrant(row.id);
    const grant: GrantNode = {
      id: row.id,
      organizationId: row.organizationId,
      subjectType: row.subjectType as SubjectType,
      subjectId: row.subjectId,
      subjectKey: subjectKey(row.subjectType, row.subjectId),
      roleId: row.roleId,
      actions: row.actions,
      resourceId: row.resourceId,
      resourcePattern: row.resourcePattern,
      effect: row.effect === "deny" ? "deny" : "allow",
      conditions: (row.conditions as Condition[] | null)?.length ? (row.conditions as Condition[]) : null,
    };
    this.grants.set(grant.id, grant);
    push(this.grantsBySubject, grant.subjectKey, grant);
    if (grant.subjectType === "role") this.roleSubjectGrants.set(grant.organizationId, (this.roleSubjectGrants.get(grant.organizationId) ?? 0) + 1);
    if (grant.resourceId) {
      const target = this.resources.get(grant.resourceId);
      if (target) {
        (target.grants ??= []).push(grant);
        target.grantIndex = null;
      }
    } else {
      push(this.patternGrants, grant.organizationId, grant);
    }
  }

  removeGrant(id: string) {
    const grant = this.grants.get(id);
    if (!grant) return;
    this.grants.delete(id);
    const bySubject = without(this.grantsBySubject.get(grant.subjectKey), grant) ?? [];
    if (bySubject.length) this.grantsBySubject.set(grant.subjectKey, bySubject);
    else this.grantsBySubject.delete(grant.subjectKey);
    if (grant.subjectType === "role") this.roleSubjectGrants.set(grant.organizationId, (this.roleSubjectGrants.get(grant.organizationId) ?? 1) - 1);
    if (grant.resourceId) {
      const target = this.resources.get(grant.resourceId);
      if (target) {
        target.grants = without(target.grants, grant);
        target.grantIndex = null;
      }
    } else {
      this.patternGrants.set(grant.organizationId, without(this.patternGrants.get(grant.organizationId), grant) ?? []);
    }
  }

  // ---- subjects

  setUser(id: string, info: UserInfo) {
    const previous = this.users.get(id)?.externalId;
    if (previous) this.usersByExternal.delete(previous);
    this.users.set(id, info);
    if (info.externalId) this.usersByExternal.set(info.externalId, id);
  }

  removeUser(id: string) {
    const previous = this.users.get(id)?.externalId;
    if (previous) this.usersByExternal.delete(previous);
    this.users.delete(id);
    this.subjectCache.delete(id);
  }

  /** Replaces all group data at once: groups change rarely and are small next to resources. */
  setGroups(groups: GroupDef[], members: { groupId: string; memberType: string; memberId: string }[]) {
    this.groups = new Map(groups.map((g) => [g.id, g]));
    this.groupsByExternal = new Map();
    for (const g of groups) push(this.groupsByExternal, g.externalId, g.id);
    this.groupsContaining = new Map();
    this.groupUsers = new Map();
    this.groupGroups = new Map();
    for (const m of members) {
      addTo(this.groupsContaining, subjectKey(m.memberType, m.memberId), m.groupId);
      if (m.memberType === "user") addTo(this.groupUsers, m.groupId, m.memberId);
      else addTo(this.groupGroups, m.groupId, m.memberId);
    }
    this.subjectCache.clear();
  }

  setDepartments(departments: DepartmentDef[], members: { departmentId: string; userId: string }[]) {
    this.departments = new Map(departments.map((d) => [d.id, d]));
    this.departmentsByExternal = new Map();
    this.departmentChildren = new Map();
    for (const d of departments) {
      push(this.departmentsByExternal, d.externalId, d.id);
      if (d.parentId) addTo(this.departmentChildren, d.parentId, d.id);
    }
    this.userDepartments = new Map();
    this.departmentUsers = new Map();
    for (const m of members) {
      addTo(this.userDepartments, m.userId, m.departmentId);
      addTo(this.departmentUsers, m.departmentId, m.userId);
    }
    this.subjectCache.clear();
  }

  // ---- definitions

  setDefinitions(defs: {
    scopes: { id: string; parentId: string | null }[];
    types: { id: string; key: string }[];
    permissions: PermissionDef[];
    roles: RoleDef[];
  }) {
    this.scopeParent = new Map(defs.scopes.map((s) => [s.id, s.parentId]));
    this.typeKeyById = new Map(defs.types.map((t) => [t.id, t.key]));
    this.permissions = new Map(defs.permissions.map((p) => [p.id, p]));
    this.roles = new Map(defs.roles.map((r) => [r.id, r]));
    this.rolesBySlug = new Map();
    for (const r of defs.roles) push(this.rolesBySlug, r.slug, r);
    this.coverageCache.clear();
  }

  /** Actions a role (and the roles it includes) allows on a type, with the external-id patterns of each. */
  roleCoverage(roleId: string, typeKey: string): Map<string, string[]> {
    let byType = this.coverageCache.get(roleId);
    const cached = byType?.get(typeKey);
    if (cached) return cached;
    const coverage = new Map<string, string[]>();
    const seen = new Set<string>();
    const stack = [roleId];
    while (stack.length) {
      const role = this.roles.get(stack.pop()!);
      if (!role || seen.has(role.id)) continue;
      seen.add(role.id);
      for (const pid of role.permissionIds) {
        const p = this.permissions.get(pid);
        if (p && (p.resourceType === typeKey || p.resourceType === "*")) {
          const patterns = coverage.get(p.action) ?? [];
          patterns.push(p.resourcePattern);
          coverage.set(p.action, patterns);
        }
      }
      stack.push(...role.includeIds);
    }
    if (!byType) this.coverageCache.set(roleId, (byType = new Map()));
    byType.set(typeKey, coverage);
    return coverage;
  }

  scopeChain(scopeId: string): string[] {
    const out: string[] = [];
    for (let id: string | null | undefined = scopeId; id; id = this.scopeParent.get(id)) out.push(id);
    return out;
  }
}

