import { cache } from "react";
import { listOrganizations, type OrganizationView } from "@/lib/organizations/service";
import { requireAdmin } from "./require-admin";

/** Organizations the console offers in its pickers; an installation with more than this is searched, not listed. */
const MAX_LISTED = 500;

export type OrganizationOption = Pick<OrganizationView, "id" | "externalId" | "name" | "scopeId" | "rootResourceId">;

export const loadOrganizations = cache(async (): Promise<OrganizationOption[]> => {
  const { db } = await requireAdmin();
  const { data } = await listOrganizations(db, { limit: MAX_LISTED });
  return data.map(({ id, externalId, name, scopeId, rootResourceId }) => ({ id, externalId, name, scopeId, rootResourceId }));
});

/** The organization a page is about: the one in `?org=` (id or external id), else the first; none on an empty installation. */
export async function pickOrganization(ref: string | string[] | undefined) {
  const organizations = await loadOrganizations();
  const wanted = typeof ref === "string" ? ref : undefined;
  const current = organizations.find((o) => o.id === wanted || o.externalId === wanted) ?? organizations[0];
  return { organizations, current };
}

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** One text value of a query parameter (the first when repeated); undefined when absent or blank. */
export const param = (params: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const value = params[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text?.trim() ? text.trim() : undefined;
};
