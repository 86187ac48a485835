/**
 * GenAuth permission namespaces ↔ resource types defined in the access key's
 * organization scope (key = namespace code). A scope of its own would hide the
 * namespace's definitions from the organization, whose resources and grants
 * only see their own scope and its ancestors; docs/compat-genauth.md has the
 * full reasoning. The `default` namespace is created on first use.
 */
import type { Database } from "@/db/client";
import { ArborError, notFound } from "@/lib/shared/errors";
import type { Organization } from "@/lib/organizations/service";
import { createResourceType, type ResourceType } from "@/lib/resource-types/service";
import { typeDefinedIn, typesDefinedIn } from "@/lib/resource-types/defined-in";

export type Namespace = ResourceType;

export const DEFAULT_NAMESPACE = "default";

/** The namespaces of the organization, oldest first. */
export async function namespacesOf(db: Database, organization: Organization): Promise<Namespace[]> {
  return typesDefinedIn(db, organization.scopeId);
}

const findNamespace = (db: Database, organization: Organization, code: string) => typeDefinedIn(db, organization.scopeId, code);

export async function requireNamespace(db: Database, organization: Organization, code: string, field = "namespace"): Promise<Namespace> {
  const found = await findNamespace(db, organization, code);
  if (found) return found;
  if (code !== DEFAULT_NAMESPACE) throw notFound("namespace", code, field);
  try {
    return (await createResourceType(db, "system", { key: code, name: "Default", description: "The default GenAuth namespace", scopeId: organization.scopeId })).value;
  } catch (error) {
    // Created by a concurrent request.
    if (!(error instanceof ArborError && error.kind === "conflict")) throw error;
    return (await findNamespace(db, organization, code))!;
  }
}

export const namespaceDto = (n: Namespace) => ({ code: n.key, name: n.name, description: n.description ?? "" });
