/**
 * Domain objects as WorkOS wire objects (contract §5, §7): snake_case keys,
 * an `object` tag, ISO timestamps. Pure mapping; loading lives in ./load.ts.
 */
import type { Assignment } from "@/lib/grants/assignments";
import type { Organization } from "@/lib/organizations/service";
import type { Permission } from "@/lib/permissions/service";
import { canonicalPermissionKey, parsePermissionKey } from "@/lib/permissions/schemas";
import type { Role } from "@/lib/roles/service";
import { ROOT_SCOPE_ID } from "@/lib/scopes/schemas";
import type { ResourceView } from "@/lib/resources/views";
import type { Group, Membership, User } from "@/lib/subjects/refs";

const iso = (d: Date) => d.toISOString();

/** What WorkOS shows for definitions with no resource type: organization-level ones. */
export const ORGANIZATION_TYPE = "organization";

/** `document:read:*` and `document:read` are one permission; WorkOS shows the short form. */
const permissionSlug = (key: string) => {
  const parts = parsePermissionKey(key);
  return parts ? canonicalPermissionKey(parts) : key;
};

export const toPermission = (p: Permission) => ({
  object: "permission" as const,
  id: p.id,
  slug: permissionSlug(p.key),
  name: p.label ?? permissionSlug(p.key),
  description: p.description,
  resource_type_slug: p.resourceType,
  system: false,
  created_at: iso(p.createdAt),
  // Permissions keep no update time; their creation time stands in.
  updated_at: iso(p.createdAt),
});

/** Roles of the root scope are environment roles; an organization's scope holds its own roles. */
export const toRole = (r: Role) => ({
  object: "role" as const,
  id: r.id,
  slug: r.slug,
  name: r.name,
  description: r.description,
  permissions: r.permissions.map(permissionSlug),
  resource_type_slug: r.resourceType ?? ORGANIZATION_TYPE,
  type: r.scopeId === ROOT_SCOPE_ID ? ("EnvironmentRole" as const) : ("OrganizationRole" as const),
  created_at: iso(r.createdAt),
  updated_at: iso(r.updatedAt),
});

/** `parentIsRoot`: the organization's own resource is implicit, so a top-level resource has no parent on the wire. */
export const toResource = (r: ResourceView, parentIsRoot: boolean) => ({
  object: "authorization_resource" as const,
  id: r.id,
  external_id: r.externalId,
  name: r.name,
  description: r.description,
  resource_type_slug: r.type,
  organization_id: r.organizationId,
  parent_resource_id: parentIsRoot ? null : r.parentId,
  created_at: iso(r.createdAt),
  updated_at: iso(r.updatedAt),
});

const assignedResource = (a: Assignment) => ({ id: a.resource.id, external_id: a.resource.externalId, resource_type_slug: a.resource.type });

export const toRoleAssignment = (a: Assignment) => ({
  object: "role_assignment" as const,
  id: a.id,
  organization_membership_id: a.membershipId,
  role: { slug: a.roleSlug },
  resource: assignedResource(a),
  source: { type: "direct" as const, group_role_assignment_id: null },
  created_at: iso(a.createdAt),
  // Assignments are never edited, only made and removed.
  updated_at: iso(a.createdAt),
});

export const toGroupRoleAssignment = (a: Assignment) => ({
  object: "group_role_assignment" as const,
  id: a.id,
  group_id: a.subjectId,
  role: { slug: a.roleSlug },
  resource: assignedResource(a),
  created_at: iso(a.createdAt),
  updated_at: iso(a.createdAt),
});

export const toOrganization = (o: Organization) => ({
  object: "organization" as const,
  id: o.id,
  name: o.name,
  allow_profiles_outside_organization: false,
  domains: [],
  external_id: o.externalId,
  metadata: {},
  created_at: iso(o.createdAt),
  updated_at: iso(o.updatedAt),
});

export const toUser = (u: User) => ({
  object: "user" as const,
  id: u.id,
  email: u.email,
  email_verified: false,
  first_name: u.firstName,
  last_name: u.lastName,
  name: u.name,
  profile_picture_url: null,
  last_sign_in_at: null,
  external_id: u.externalId,
  metadata: {},
  created_at: iso(u.createdAt),
  updated_at: iso(u.updatedAt),
});

/** The membership as the authorization listings show it (contract §5). */
export const toAuthzMembership = (m: Membership, organizationName: string) => ({
  object: "organization_membership" as const,
  id: m.id,
  user_id: m.userId,
  organization_id: m.organizationId,
  organization_name: organizationName,
  status: m.status,
  directory_managed: false,
  custom_attributes: {},
  created_at: iso(m.createdAt),
  updated_at: iso(m.updatedAt),
});

/** The full membership of the user-management module: plus its organization-wide roles. */
export const toMembership = (m: Membership, organizationName: string, roleSlugs: string[]) => ({
  ...toAuthzMembership(m, organizationName),
  role: roleSlugs.length ? { slug: roleSlugs[0] } : null,
  roles: roleSlugs.map((slug) => ({ slug })),
});

export const toGroup = (g: Group) => ({
  object: "group" as const,
  id: g.id,
  organization_id: g.organizationId,
  name: g.name,
  description: g.description,
  created_at: iso(g.createdAt),
  updated_at: iso(g.updatedAt),
});
