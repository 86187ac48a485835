/**
 * Tenant isolation: the one rule every API family relies on. A request made
 * with a key restricted to an organization (its tenant) sees that
 * organization's objects and what all organizations share — users,
 * environment-wide groups, the definitions its organization's scope sees —
 * and nothing of any other organization: those answer as if they did not
 * exist (not found, never forbidden), and lists leave them out. It changes
 * its own organization's objects and the definitions in its organization's
 * own scope; changing what every organization shares is forbidden.
 *
 * An API family's adapter establishes the tenant once per request
 * (`withTenant`); lib/ consults it where references are resolved and lists
 * are filtered, so no route can forget it. Without a tenant (unrestricted
 * keys, the console, scripts) every check here lets everything through.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { ArborError } from "@/lib/shared/errors";
import { ROOT_SCOPE_ID } from "@/lib/scopes/schemas";

export type Tenant = {
  organizationId: string;
  /** The organization's own scope: the only one whose definitions the tenant may change. */
  scopeId: string;
  /** That scope and its ancestors: the definitions the tenant sees. */
  scopeChain: readonly string[];
};

const storage = new AsyncLocalStorage<Tenant | null>();

/** Runs `fn` (and everything it awaits) as `tenant`; null is the whole environment. */
export function withTenant<T>(tenant: Tenant | null, fn: () => T): T {
  return storage.run(tenant, fn);
}

export const currentTenant = (): Tenant | null => storage.getStore() ?? null;

/** Whether the tenant sees an object of this organization; null is an environment-wide object (a user, an environment-wide group). */
export function seesOrganization(organizationId: string | null): boolean {
  const tenant = currentTenant();
  return !tenant || organizationId === null || organizationId === tenant.organizationId;
}

/**
 * A condition keeping only the tenant's rows (with `environmentWide`, also
 * rows that belong to no organization); undefined — no condition — without a tenant.
 */
export function tenantRows(column: AnyPgColumn, options: { environmentWide?: boolean } = {}): SQL | undefined {
  const tenant = currentTenant();
  if (!tenant) return undefined;
  return options.environmentWide ? or(isNull(column), eq(column, tenant.organizationId)) : eq(column, tenant.organizationId);
}

export function seesScope(scopeId: string): boolean {
  const tenant = currentTenant();
  return !tenant || tenant.scopeChain.includes(scopeId);
}

/** A condition keeping only the scopes the tenant sees; undefined without a tenant. */
export function tenantScopes(column: AnyPgColumn): SQL | undefined {
  const tenant = currentTenant();
  return tenant ? inArray(column, [...tenant.scopeChain]) : undefined;
}

/** Where definitions are read and made when a request names no scope: the tenant's own, else the root. */
export const defaultScopeId = (): string => currentTenant()?.scopeId ?? ROOT_SCOPE_ID;

/**
 * What only an unrestricted key may do: create organizations and scopes,
 * change users and environment-wide groups, manage keys, bulk import and export.
 */
export function requireWholeEnvironment(what: string): void {
  const tenant = currentTenant();
  if (tenant) throw new ArborError("forbidden", `${what}: not allowed for a key restricted to organization '${tenant.organizationId}'`);
}

/** Changing definitions in a (visible) scope: a tenant may only in its organization's own scope. */
export function assertScopeWritable(scopeId: string, field: string): void {
  const tenant = currentTenant();
  if (!tenant || scopeId === tenant.scopeId) return;
  const message = `${field}: scope '${scopeId}' is shared by other organizations; this key changes definitions only in '${tenant.scopeId}'`;
  throw new ArborError("forbidden", message, [{ field, rule: "tenant_scope", message }]);
}
