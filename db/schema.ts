/**
 * The whole Arbor model as tables. Ids are prefixed ULIDs made in lib/ids.ts.
 * Foreign keys keep the tree and the grants consistent; uniqueness that spans a
 * scope chain (type keys, permission keys, role slugs) is enforced in lib/
 * under the global write lock (see lib/revisions), because SQL cannot express it.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/**
 * Identifiers (ids, external ids, the subject kinds that qualify them) compare
 * byte by byte: the same order as JavaScript's string comparison (which cursors
 * and the engine use), independent of the database's locale, and several times
 * cheaper to sort than a locale's collation, which is what building these
 * tables' indexes after a bulk import mostly does.
 */
const identifier = customType<{ data: string }>({ dataType: () => 'text COLLATE "C"' });

const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();
const createdBy = () => text("created_by").notNull();

/** One row: the global revision. Every write transaction increments it first, which also serialises writers. */
export const revisionCounter = pgTable("revision_counter", {
  id: integer("id").primaryKey(),
  value: bigint("value", { mode: "number" }).notNull(),
});

export const changeLog = pgTable(
  "change_log",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    revision: bigint("revision", { mode: "number" }).notNull(),
    actor: text("actor").notNull(),
    at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    operation: text("operation").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: identifier("entity_id").notNull(),
    organizationId: identifier("organization_id"),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("change_log_revision_idx").on(t.revision),
    index("change_log_entity_idx").on(t.entityType, t.entityId),
    index("change_log_org_idx").on(t.organizationId, t.revision),
  ],
);

export const scopes = pgTable(
  "scopes",
  {
    id: identifier("id").primaryKey(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    parentId: identifier("parent_id").references((): any => scopes.id),
    createdAt: createdAt(),
    createdBy: createdBy(),
  },
  (t) => [uniqueIndex("scopes_key_uq").on(t.key), index("scopes_parent_idx").on(t.parentId)],
);

export const resourceTypes = pgTable(
  "resource_types",
  {
    id: identifier("id").primaryKey(),
    scopeId: identifier("scope_id").notNull().references(() => scopes.id),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    createdAt: createdAt(),
    createdBy: createdBy(),
  },
  (t) => [uniqueIndex("resource_types_scope_key_uq").on(t.scopeId, t.key), index("resource_types_key_idx").on(t.key)],
);

export const resourceTypeHierarchy = pgTable(
  "resource_type_hierarchy",
  {
    id: identifier("id").primaryKey(),
    parentTypeId: identifier("parent_type_id").notNull().references(() => resourceTypes.id),
    childTypeId: identifier("child_type_id").notNull().references(() => resourceTypes.id),
    createdAt: createdAt(),
    createdBy: createdBy(),
  },
  (t) => [
    uniqueIndex("rth_pair_uq").on(t.parentTypeId, t.childTypeId),
    index("rth_child_idx").on(t.childTypeId),
  ],
);

export const permissions = pgTable(
  "permissions",
  {
    id: identifier("id").primaryKey(),
    scopeId: identifier("scope_id").notNull().references(() => scopes.id),
    key: text("key").notNull(),
    action: text("action").notNull(),
    resourceType: text("resource_type").notNull(),
    resourcePattern: text("resource_pattern").notNull().default("*"),
    label: text("label"),
    description: text("description"),
    createdAt: createdAt(),
    createdBy: createdBy(),
  },
  (t) => [uniqueIndex("permissions_scope_key_uq").on(t.scopeId, t.key), index("permissions_type_idx").on(t.resourceType)],
);

export const roles = pgTable(
  "roles",
  {
    id: identifier("id").primaryKey(),
    scopeId: identifier("scope_id").notNull().references(() => scopes.id),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    resourceType: text("resource_type"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: createdBy(),
  },
  (t) => [uniqueIndex("roles_scope_slug_uq").on(t.scopeId, t.slug)],
);

export const rolePermissions = pgTable(
  "role_permissions",
  {
    roleId: identifier("role_id").notNull().references(() => roles.id, { onDelete: "cascade" }),
    permissionId: identifier("permission_id").notNull().references(() => permissions.id),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.permissionId] }), index("role_permissions_perm_idx").on(t.permissionId)],
);

export const roleIncludes = pgTable(
  "role_includes",
  {
    roleId: identifier("role_id").notNull().references(() => roles.id, { onDelete: "cascade" }),
    includedRoleId: identifier("included_role_id").notNull().references(() => roles.id),
  },
  (t) => [primaryKey({ columns: [t.roleId, t.includedRoleId] }), index("role_includes_included_idx").on(t.includedRoleId)],
);

export const organizations = pgTable(
  "organizations",
  {
    id: identifier("id").primaryKey(),
    externalId: identifier("external_id"),
    name: text("name").notNull(),
    scopeId: identifier("scope_id").notNull().references(() => scopes.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: createdBy(),
  },
  (t) => [uniqueIndex("organizations_external_uq").on(t.externalId)],
);

export const resources = pgTable(
  "resources",
  {
    id: identifier("id").primaryKey(),
    organizationId: identifier("organization_id").notNull().references(() => organizations.id),
    resourceTypeId: identifier("resource_type_id").notNull().references(() => resourceTypes.id),
    externalId: identifier("external_id").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    parentId: identifier("parent_id").references((): any => resources.id),
    actions: jsonb("actions").$type<string[]>(),
    /** What an API family keeps beside the model (e.g. GenAuth's apiIdentifier, action descriptions). */
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: createdBy(),
  },
  // Every index costs each insert (a bulk import most of all): queries by organization use the unique
  // index's leading column, and name search is a substring match no btree serves.
  (t) => [
    uniqueIndex("resources_org_type_ext_uq").on(t.organizationId, t.resourceTypeId, t.externalId),
    index("resources_parent_idx").on(t.parentId, t.id),
    // Compact references (`document:doc_7`) without an organization look up by external id alone.
    index("resources_ext_idx").on(t.externalId),
  ],
);

export const users = pgTable(
  "users",
  {
    id: identifier("id").primaryKey(),
    externalId: identifier("external_id"),
    email: text("email"),
    name: text("name"),
    firstName: text("first_name"),
    lastName: text("last_name"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: createdBy(),
  },
  (t) => [uniqueIndex("users_external_uq").on(t.externalId), index("users_email_idx").on(t.email)],
);

export const memberships = pgTable(
  "memberships",
  {
    id: identifier("id").primaryKey(),
    userId: identifier("user_id").notNull().references(() => users.id),
    organizationId: identifier("organization_id").notNull().references(() => organizations.id),
    status: text("status").notNull().default("active"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: createdBy(),
  },
  (t) => [uniqueIndex("memberships_user_org_uq").on(t.userId, t.organizationId), index("memberships_org_idx").on(t.organizationId)],
);

/** A group belongs to one organization, or to none: environment-wide, like users (bulk imports create these). */
export const groups = pgTable(
  "groups",
  {
    id: identifier("id").primaryKey(),
    organizationId: identifier("organization_id").references(() => organizations.id),
    externalId: identifier("external_id").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: createdBy(),
  },
  (t) => [
    unique("groups_org_ext_uq").on(t.organizationId, t.externalId).nullsNotDistinct(),
    // `group:eng` without an organization looks up by external id alone.
    index("groups_ext_idx").on(t.externalId),
  ],
);

/** memberType is `user` or `group` (nested groups). */
export const groupMembers = pgTable(
  "group_members",
  {
    groupId: identifier("group_id").notNull().references(() => groups.id, { onDelete: "cascade" }),
    memberType: identifier("member_type").notNull(),
    memberId: identifier("member_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.memberType, t.memberId] }), index("group_members_member_idx").on(t.memberType, t.memberId)],
);

export const departments = pgTable(
  "departments",
  {
    id: identifier("id").primaryKey(),
    organizationId: identifier("organization_id").notNull().references(() => organizations.id),
    externalId: identifier("external_id").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    parentId: identifier("parent_id").references((): any => departments.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    createdBy: createdBy(),
  },
  (t) => [uniqueIndex("departments_org_ext_uq").on(t.organizationId, t.externalId), index("departments_parent_idx").on(t.parentId)],
);

export const departmentMembers = pgTable(
  "department_members",
  {
    departmentId: identifier("department_id").notNull().references(() => departments.id, { onDelete: "cascade" }),
    userId: identifier("user_id").notNull().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.departmentId, t.userId] }), index("department_members_user_idx").on(t.userId)],
);

/**
 * subject → (role | actions) on (resource | pattern). subjectType is one of
 * user, group, department, role. Exactly one of roleId/actions and one of
 * resourceId/resourcePattern is set (checked in lib/grants).
 */
export const grants = pgTable(
  "grants",
  {
    id: identifier("id").primaryKey(),
    organizationId: identifier("organization_id").notNull().references(() => organizations.id),
    subjectType: identifier("subject_type").notNull(),
    subjectId: identifier("subject_id").notNull(),
    roleId: identifier("role_id").references(() => roles.id),
    actions: jsonb("actions").$type<string[]>(),
    resourceId: identifier("resource_id").references(() => resources.id),
    resourcePattern: text("resource_pattern"),
    effect: text("effect").notNull().default("allow"),
    conditions: jsonb("conditions").$type<unknown[]>(),
    createdAt: createdAt(),
    createdBy: createdBy(),
  },
  (t) => [
    index("grants_resource_idx").on(t.resourceId),
    index("grants_subject_idx").on(t.subjectType, t.subjectId),
    index("grants_org_idx").on(t.organizationId, t.id),
    index("grants_role_idx").on(t.roleId),
  ],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: identifier("id").primaryKey(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    hash: text("hash").notNull(),
    organizationId: identifier("organization_id").references(() => organizations.id),
    readOnly: boolean("read_only").notNull().default(false),
    createdAt: createdAt(),
    createdBy: createdBy(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex("api_keys_hash_uq").on(t.hash)],
);

/** A POST's stored answer, replayed for the same Idempotency-Key (WorkOS family). */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    apiKeyId: identifier("api_key_id").notNull(),
    key: text("key").notNull(),
    method: text("method").notNull(),
    path: text("path").notNull(),
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.apiKeyId, t.key] }), index("idempotency_keys_created_idx").on(t.createdAt)],
);

/** GenAuth access keys: the secret is needed to verify signatures, so it is stored encrypted (ARBOR_SECRET), never hashed. */
export const accessKeys = pgTable(
  "access_keys",
  {
    id: identifier("id").primaryKey(),
    accessKeyId: identifier("access_key_id").notNull(),
    secretCiphertext: text("secret_ciphertext").notNull(),
    name: text("name").notNull(),
    organizationId: identifier("organization_id").references(() => organizations.id),
    readOnly: boolean("read_only").notNull().default(false),
    createdAt: createdAt(),
    createdBy: createdBy(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [uniqueIndex("access_keys_access_key_id_uq").on(t.accessKeyId)],
);

/** Signed-request nonces seen within the replay window (GenAuth family). */
export const requestNonces = pgTable(
  "request_nonces",
  {
    accessKeyId: identifier("access_key_id").notNull(),
    nonce: text("nonce").notNull(),
    seenAt: timestamp("seen_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accessKeyId, t.nonce] }), index("request_nonces_seen_idx").on(t.seenAt)],
);

export const admins = pgTable(
  "admins",
  {
    id: identifier("id").primaryKey(),
    email: text("email").notNull(),
    passwordHash: text("password_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("admins_email_uq").on(sql`lower(${t.email})`)],
);

export const adminSessions = pgTable("admin_sessions", {
  id: identifier("id").primaryKey(),
  adminId: identifier("admin_id").notNull().references(() => admins.id, { onDelete: "cascade" }),
  expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  createdAt: createdAt(),
});
