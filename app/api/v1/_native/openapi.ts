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

export type Operation = {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: string;
  tag: string;
  summary: string;
  body?: z.ZodType;
  query?: Record<string, string>;
  write?: boolean;
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
        "401": { description: "Missing or invalid API key" },
        "404": { description: "Unknown id" },
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
