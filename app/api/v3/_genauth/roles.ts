/**
 * GenAuth roles ↔ domain roles defined in the organization's scope. Role
 * codes are unique per namespace in GenAuth but a role slug is unique among
 * everything the organization sees, so the slug carries the namespace:
 * `code` in the default namespace, `<namespace>__<code>` elsewhere (a
 * namespace code has no `_`, a role code no `__`, so the split is exact).
 * Roles visible from the root scope belong to the default namespace.
 */
import { z } from "zod";
import type { Database } from "@/db/client";
import { invalid } from "@/lib/shared/errors";
import type { Organization } from "@/lib/organizations/service";
import { findRole, listRoles } from "@/lib/roles/service";
import { DEFAULT_NAMESPACE, type Namespace } from "./namespaces";

const SEPARATOR = "__";

export const roleCode = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]|_(?!_))*$/, "invalid role code: lowercase letters, digits, '-' and single '_', starting with a letter or digit")
  .max(64);

export function roleSlug(namespace: string, code: string, field = "code"): string {
  const slug = namespace === DEFAULT_NAMESPACE ? code : `${namespace}${SEPARATOR}${code}`;
  if (slug.length > 64) throw invalid(field, "max_length", `${field}: namespace and role code together are limited to 62 characters`);
  return slug;
}

export function parseRoleSlug(slug: string): { namespace: string; code: string } {
  const at = slug.indexOf(SEPARATOR);
  return at < 0 ? { namespace: DEFAULT_NAMESPACE, code: slug } : { namespace: slug.slice(0, at), code: slug.slice(at + SEPARATOR.length) };
}

type RoleRow = { id: string; slug: string; name: string; description: string | null };

export const roleDto = (r: RoleRow, namespace: Namespace) => ({
  id: r.id,
  code: parseRoleSlug(r.slug).code,
  name: r.name,
  description: r.description ?? "",
  namespace: namespace.key,
  namespaceName: namespace.name,
  status: "ENABLE",
});

export async function requireRole(db: Database, organization: Organization, namespace: string, code: string, field = "code") {
  return findRole(db, roleSlug(namespace, code, field), organization.scopeId, field);
}

/** The roles of one namespace, as the organization sees them. */
export async function rolesOf(db: Database, organization: Organization, namespace: string) {
  return (await listRoles(db, organization.scopeId)).filter((r) => parseRoleSlug(r.slug).namespace === namespace);
}
