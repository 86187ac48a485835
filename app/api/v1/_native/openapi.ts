/**
 * The OpenAPI 3.1 document of the native family, built from the same zod
 * schemas that validate requests (zod's JSON Schema output is 2020-12, which
 * is what OpenAPI 3.1 uses).
 */
import { z } from "zod";
import { createScopeSchema, updateScopeSchema } from "@/lib/scopes/schemas";
import { createResourceTypeSchema, createResourceTypesBatchSchema, typeRuleSchema, updateResourceTypeSchema } from "@/lib/resource-types/schemas";
import { createPermissionSchema, createPermissionsBatchSchema, updatePermissionSchema } from "@/lib/permissions/schemas";
import { createRoleSchema, setRolePermissionsSchema, updateRoleSchema } from "@/lib/roles/schemas";
import { applyTemplateSchema } from "@/lib/templates/apply";
import { createOrganizationSchema, updateOrganizationSchema } from "@/lib/organizations/schemas";
import { createApiKeySchema } from "@/lib/api-keys/schemas";
import { createAccessKeySchema } from "@/lib/access-keys/schemas";
import { createResourceSchema, moveResourceSchema, updateResourceSchema } from "@/lib/resources/schemas";
import {
  createDepartmentSchema,
  createGroupSchema,
  createMembershipSchema,
  createUserSchema,
  departmentMemberSchema,
  groupMemberSchema,
  updateDepartmentSchema,
  updateGroupSchema,
  updateUserSchema,
} from "@/lib/subjects/schemas";
import { createGrantSchema } from "@/lib/grants/schemas";
import { checkBatchSchema, checkSchema, effectiveActionsSchema, explainSchema, lookupResourcesSchema, lookupSubjectsSchema } from "@/lib/access/schemas";

export type Operation = {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  tag: string;
  summary: string;
  body?: z.ZodType;
  query?: Record<string, string>;
  write?: boolean;
  /** Refused to keys restricted to an organization. */
  wholeEnvironment?: boolean;
};

/** Every native endpoint: a new route adds its line here. */
const operations: Operation[] = [
  { method: "post", path: "/scopes", tag: "Scopes", summary: "Create a scope (optionally with a chosen id such as scope_acme)", body: createScopeSchema, write: true },
  { method: "get", path: "/scopes", tag: "Scopes", summary: "List scopes" },
  { method: "get", path: "/scopes/{id}", tag: "Scopes", summary: "Get a scope by id or key" },
  { method: "patch", path: "/scopes/{id}", tag: "Scopes", summary: "Update a scope", body: updateScopeSchema, write: true },
  { method: "get", path: "/scopes/{id}/children", tag: "Scopes", summary: "List child scopes", query: { limit: "1–1000", cursor: "from nextCursor" } },
  { method: "post", path: "/resource-types", tag: "Resource types", summary: "Create a resource type", body: createResourceTypeSchema, write: true },
  { method: "post", path: "/resource-types/batch", tag: "Resource types", summary: "Create resource types, all or nothing", body: createResourceTypesBatchSchema, write: true },
  { method: "get", path: "/resource-types", tag: "Resource types", summary: "Types visible from a scope (inherited ones marked)", query: { scopeId: "scope id or key, default the root" } },
  { method: "get", path: "/resource-types/{id}", tag: "Resource types", summary: "Get a resource type" },
  { method: "patch", path: "/resource-types/{id}", tag: "Resource types", summary: "Update a resource type", body: updateResourceTypeSchema, write: true },
  { method: "delete", path: "/resource-types/{id}", tag: "Resource types", summary: "Delete an unused resource type", write: true },
  { method: "post", path: "/resource-type-hierarchy", tag: "Resource types", summary: "Allow a child type under a parent type (ids or keys)", body: typeRuleSchema, write: true },
  { method: "get", path: "/resource-type-hierarchy", tag: "Resource types", summary: "Hierarchy rules visible from a scope", query: { scopeId: "scope id or key" } },
  { method: "delete", path: "/resource-type-hierarchy", tag: "Resource types", summary: "Remove the rule named by parentTypeId and childTypeId", body: typeRuleSchema, write: true },
  { method: "delete", path: "/resource-type-hierarchy/{id}", tag: "Resource types", summary: "Remove a hierarchy rule by id", write: true },
  { method: "post", path: "/permissions", tag: "Permissions", summary: "Create a permission (type:action:pattern)", body: createPermissionSchema, write: true },
  { method: "post", path: "/permissions/batch", tag: "Permissions", summary: "Create permissions, all or nothing", body: createPermissionsBatchSchema, write: true },
  { method: "get", path: "/permissions", tag: "Permissions", summary: "Permissions visible from a scope", query: { scopeId: "scope id or key", resourceType: "type key" } },
  { method: "get", path: "/permissions/{id}", tag: "Permissions", summary: "Get a permission by id or key" },
  { method: "patch", path: "/permissions/{id}", tag: "Permissions", summary: "Update a permission's label or description", body: updatePermissionSchema, write: true },
  { method: "delete", path: "/permissions/{id}", tag: "Permissions", summary: "Delete a permission no role uses", write: true },
  { method: "post", path: "/roles", tag: "Roles", summary: "Create a role", body: createRoleSchema, write: true },
  { method: "get", path: "/roles", tag: "Roles", summary: "Roles visible from a scope", query: { scopeId: "scope id or key" } },
  { method: "get", path: "/roles/{slug}", tag: "Roles", summary: "Get a role by slug or id", query: { scopeId: "scope id or key" } },
  { method: "patch", path: "/roles/{slug}", tag: "Roles", summary: "Update a role", body: updateRoleSchema, write: true },
  { method: "delete", path: "/roles/{slug}", tag: "Roles", summary: "Delete a role that is neither granted nor included", write: true },
  { method: "put", path: "/roles/{slug}/permissions", tag: "Roles", summary: "Replace a role's permissions", body: setRolePermissionsSchema, write: true },
  { method: "get", path: "/templates", tag: "Templates", summary: "List starter templates" },
  { method: "post", path: "/templates/{name}/apply", tag: "Templates", summary: "Apply a starter template to a scope (idempotent)", body: applyTemplateSchema, write: true },
  { method: "post", path: "/grants", tag: "Grants", summary: "Grant a role or actions on a resource or pattern to a user, group, department or role (allow or deny, optional conditions)", body: createGrantSchema, write: true },
  { method: "get", path: "/grants", tag: "Grants", summary: "List grants", query: { organization: "id or external id", subject: "id or compact ref", resource: "id or compact ref", role: "slug or id", effect: "allow|deny", limit: "1–1000", cursor: "" } },
  { method: "delete", path: "/grants", tag: "Grants", summary: "Revoke by value: the body describes the grant", body: createGrantSchema, write: true },
  { method: "get", path: "/grants/{id}", tag: "Grants", summary: "Get a grant" },
  { method: "delete", path: "/grants/{id}", tag: "Grants", summary: "Revoke a grant", write: true },
  { method: "post", path: "/check", tag: "Decisions", summary: "May the subject do the action on the resource?", body: checkSchema },
  { method: "post", path: "/check/batch", tag: "Decisions", summary: "Up to 1000 checks against one revision", body: checkBatchSchema },
  { method: "post", path: "/explain", tag: "Decisions", summary: "The decision with the grants that decided it and the path from each grant's target to the resource", body: explainSchema },
  { method: "post", path: "/lookup/resources", tag: "Decisions", summary: "Resources the subject may act on (cursor-paginated)", body: lookupResourcesSchema },
  { method: "post", path: "/lookup/subjects", tag: "Decisions", summary: "Users who may act on the resource, direct or inherited, with their actions", body: lookupSubjectsSchema },
  { method: "post", path: "/effective-actions", tag: "Decisions", summary: "Every action the subject may take on the resource", body: effectiveActionsSchema },
  { method: "post", path: "/import", tag: "Bulk", summary: "Import tuples (text/plain, one per line), all or nothing", write: true, wholeEnvironment: true },
  { method: "get", path: "/export", tag: "Bulk", summary: "Export as tuples (text/plain)", wholeEnvironment: true },
  { method: "post", path: "/organizations", tag: "Organizations", summary: "Create an organization with its scope (a child of scopeId, default the root: it inherits that scope's definitions) and root resource", body: createOrganizationSchema, write: true },
  { method: "get", path: "/organizations", tag: "Organizations", summary: "List organizations", query: { search: "name or external id contains", limit: "1–1000", cursor: "from nextCursor" } },
  { method: "get", path: "/organizations/{id}", tag: "Organizations", summary: "Get an organization by id or external id" },
  { method: "patch", path: "/organizations/{id}", tag: "Organizations", summary: "Rename an organization (and its root resource)", body: updateOrganizationSchema, write: true },
  { method: "delete", path: "/organizations/{id}", tag: "Organizations", summary: "Delete an organization; refused while it holds data unless cascade=true", query: { cascade: "true to delete its resources, grants, groups, departments and memberships" }, write: true },
  { method: "post", path: "/resources", tag: "Resources", summary: "Create a resource (parent by id, type:externalId, or parentType + parentExternalId; default the organization's root)", body: createResourceSchema, write: true },
  { method: "get", path: "/resources", tag: "Resources", summary: "List an organization's resources, or search them by name or external id", query: { organization: "organization id or external id (required)", parentId: "only children of this resource", type: "type key or id", search: "case-insensitive contains; hits carry their ancestor path", limit: "1–1000", cursor: "from nextCursor" } },
  { method: "get", path: "/resources/{id}", tag: "Resources", summary: "Get a resource by id or compact ref (document:doc_7)", query: { organization: "narrows a compact ref" } },
  { method: "patch", path: "/resources/{id}", tag: "Resources", summary: "Update a resource; parentId moves it", body: updateResourceSchema, query: { organization: "narrows a compact ref" }, write: true },
  { method: "delete", path: "/resources/{id}", tag: "Resources", summary: "Delete a resource; refused with children or grants unless cascade=true", query: { organization: "narrows a compact ref", cascade: "true to remove the subtree and its grants" }, write: true },
  { method: "get", path: "/resources/{id}/children", tag: "Resources", summary: "Children of a resource, each with its childCount", query: { organization: "narrows a compact ref", limit: "1–1000", cursor: "from nextCursor" } },
  { method: "get", path: "/resources/{id}/ancestors", tag: "Resources", summary: "The path from the organization's root down to the resource's parent", query: { organization: "narrows a compact ref" } },
  { method: "get", path: "/resources/{id}/descendants", tag: "Resources", summary: "How many resources and grants a cascade delete would remove", query: { organization: "narrows a compact ref" } },
  { method: "post", path: "/resources/{id}/move", tag: "Resources", summary: "Move a resource under a new parent (cycles and type-hierarchy violations refused)", body: moveResourceSchema, query: { organization: "narrows a compact ref" }, write: true },
  { method: "post", path: "/users", tag: "Users", summary: "Create a user", body: createUserSchema, write: true },
  { method: "get", path: "/users", tag: "Users", summary: "List users", query: { search: "name, email or external id contains", limit: "1–1000", cursor: "from nextCursor" } },
  { method: "get", path: "/users/{id}", tag: "Users", summary: "Get a user by id, external id or user:<either>" },
  { method: "patch", path: "/users/{id}", tag: "Users", summary: "Update a user", body: updateUserSchema, write: true },
  { method: "delete", path: "/users/{id}", tag: "Users", summary: "Delete a user with its grants and memberships", write: true },
  { method: "post", path: "/memberships", tag: "Users", summary: "Add a user to an organization", body: createMembershipSchema, write: true },
  { method: "get", path: "/memberships", tag: "Users", summary: "List memberships of an organization and/or a user", query: { organization: "organization id or external id", user: "user id or external id", limit: "1–1000", cursor: "from nextCursor" } },
  { method: "get", path: "/memberships/{id}", tag: "Users", summary: "Get a membership" },
  { method: "delete", path: "/memberships/{id}", tag: "Users", summary: "End a membership", write: true },
  { method: "post", path: "/groups", tag: "Groups", summary: "Create a group (without organizationId: environment-wide)", body: createGroupSchema, write: true },
  { method: "get", path: "/groups", tag: "Groups", summary: "List groups", query: { organization: "only this organization's groups", search: "name or external id contains", limit: "1–1000", cursor: "from nextCursor" } },
  { method: "get", path: "/groups/{id}", tag: "Groups", summary: "Get a group by id, external id or group:<either>", query: { organization: "narrows an external id" } },
  { method: "patch", path: "/groups/{id}", tag: "Groups", summary: "Update a group", body: updateGroupSchema, write: true },
  { method: "delete", path: "/groups/{id}", tag: "Groups", summary: "Delete a group with its memberships and grants", write: true },
  { method: "post", path: "/groups/{id}/members", tag: "Groups", summary: "Add a user or group (cycles refused)", body: groupMemberSchema, write: true },
  { method: "get", path: "/groups/{id}/members", tag: "Groups", summary: "Direct members of a group", query: { limit: "1–1000", cursor: "from nextCursor" } },
  { method: "delete", path: "/groups/{id}/members", tag: "Groups", summary: "Remove a member named by ?type=&id= (or a JSON body {type, id})", query: { type: "user or group", id: "member id or compact ref" }, write: true },
  { method: "post", path: "/departments", tag: "Departments", summary: "Create a department", body: createDepartmentSchema, write: true },
  { method: "get", path: "/departments", tag: "Departments", summary: "An organization's departments", query: { organization: "organization id or external id (required)", parentId: "only children of this department", search: "name or external id contains", limit: "1–1000", cursor: "from nextCursor" } },
  { method: "get", path: "/departments/{id}", tag: "Departments", summary: "Get a department by id, external id or department:<either>", query: { organization: "narrows an external id" } },
  { method: "patch", path: "/departments/{id}", tag: "Departments", summary: "Update a department; parentId moves it (null = top level)", body: updateDepartmentSchema, write: true },
  { method: "delete", path: "/departments/{id}", tag: "Departments", summary: "Delete a department; refused with sub-departments unless cascade=true", query: { cascade: "true to remove its sub-departments too" }, write: true },
  { method: "post", path: "/departments/{id}/members", tag: "Departments", summary: "Add a user to a department", body: departmentMemberSchema, write: true },
  { method: "get", path: "/departments/{id}/members", tag: "Departments", summary: "Users of a department", query: { includeSubDepartments: "true to include members of sub-departments", limit: "1–1000", cursor: "from nextCursor" } },
  { method: "delete", path: "/departments/{id}/members", tag: "Departments", summary: "Remove a user named by ?userId= (or a JSON body {userId})", query: { userId: "user id or external id" }, write: true },
  { method: "post", path: "/api-keys", tag: "API keys", summary: "Create an API key, optionally read-only or restricted to one organization; the secret is shown in this answer only", body: createApiKeySchema, write: true, wholeEnvironment: true },
  { method: "get", path: "/api-keys", tag: "API keys", summary: "List API keys (never their secrets)", wholeEnvironment: true },
  { method: "delete", path: "/api-keys/{id}", tag: "API keys", summary: "Revoke an API key: it stops working with the next request", write: true, wholeEnvironment: true },
  { method: "post", path: "/access-keys", tag: "API keys", summary: "Create a GenAuth access key (accessKeyId + secret for signing /api/v3 requests), optionally read-only or restricted to one organization; the secret is shown in this answer only", body: createAccessKeySchema, write: true, wholeEnvironment: true },
  { method: "get", path: "/access-keys", tag: "API keys", summary: "List GenAuth access keys (never their secrets)", wholeEnvironment: true },
  { method: "delete", path: "/access-keys/{id}", tag: "API keys", summary: "Revoke a GenAuth access key: its signatures are refused from the next request on", write: true, wholeEnvironment: true },
  { method: "get", path: "/changes", tag: "Change log", summary: "Change log after a revision", query: { after: "revision", entityType: "", entityId: "", actor: "", limit: "1–1000", cursor: "" } },
];

export function listOperations(): readonly Operation[] {
  return operations;
}

const errorSchema = {
  type: "object",
  properties: {
    error: {
      type: "object",
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        issues: { type: "array", items: { type: "object", properties: { field: { type: "string" }, rule: { type: "string" }, message: { type: "string" } } } },
      },
    },
  },
};

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    const query = Object.entries(op.query ?? {}).map(([name, description]) => ({ name, in: "query", required: false, description, schema: { type: "string" } }));
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      tags: [op.tag],
      summary: op.summary,
      parameters: [...params, ...query],
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: z.toJSONSchema(op.body, { io: "input", unrepresentable: "any" }) } } } } : {}),
      responses: {
        [op.method === "post" && op.write ? "201" : "200"]: {
          description: op.write ? "Done; the body and the Arbor-Revision header carry the new revision" : "OK",
          content: { "application/json": { schema: { type: "object" } } },
        },
        "400": { description: "Invalid input: names the field and the rule", content: { "application/json": { schema: errorSchema } } },
        "401": { description: "Missing, invalid or revoked API key" },
        ...(op.write || op.wholeEnvironment
          ? { "403": { description: op.wholeEnvironment ? "The key is read-only, or restricted to an organization" : "The key is read-only, or restricted to an organization and this changes what organizations share" } }
          : {}),
        "404": { description: "Unknown id, or one of another organization than the key's" },
        "409": { description: "Conflict: duplicate, in use or ambiguous" },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "Arbor native API", version: "1", description: "Resources as a tree, definitions per scope, grants and decisions." },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    paths,
  };
}
