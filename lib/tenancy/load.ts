import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { organizations } from "@/db/schema";
import { ArborError } from "@/lib/shared/errors";
import { scopeChain } from "@/lib/resources/types";
import type { Tenant } from "./rules";

/**
 * Cached for the life of the process: an organization's scope never changes,
 * no API moves a scope, and an organization cannot be deleted while a key is
 * restricted to it — so a tenant, once loaded, stays true.
 */
const cache = new WeakMap<Database, Map<string, Tenant>>();

/** The tenant of a key restricted to `organizationId`; null for an unrestricted key. */
export async function tenantOf(db: Database, organizationId: string | null): Promise<Tenant | null> {
  if (!organizationId) return null;
  let byOrganization = cache.get(db);
  if (!byOrganization) cache.set(db, (byOrganization = new Map()));
  const known = byOrganization.get(organizationId);
  if (known) return known;
  const [org] = await db.select({ scopeId: organizations.scopeId }).from(organizations).where(eq(organizations.id, organizationId));
  // Unreachable while the foreign key holds; refusing is the safe answer if it ever is not.
  if (!org) throw new ArborError("unauthenticated", "this API key's organization no longer exists");
  const tenant: Tenant = { organizationId, scopeId: org.scopeId, scopeChain: await scopeChain(db, org.scopeId) };
  byOrganization.set(organizationId, tenant);
  return tenant;
}
