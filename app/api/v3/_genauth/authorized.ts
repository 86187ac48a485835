/**
 * Authorizations in GenAuth's shape. Listings of a principal's own
 * authorizations are its grants, read back; anything that answers "may this
 * user…" comes from the engine (lib/access/declared-actions.ts). Codes with a
 * `*` are pattern grants over `<namespace>:<code>`, so they match inside their
 * namespace only.
 */
import { z } from "zod";
import type { NextRequest } from "next/server";
import type { Database } from "@/db/client";
import type { Organization } from "@/lib/organizations/service";
import { listGrants, type Grant } from "@/lib/grants/service";
import { resourcesByIds } from "@/lib/resources/by-type";
import type { CheckContext } from "@/lib/grants/conditions";
import type { Namespace } from "./namespaces";
import type { ResourceKind } from "./params";
import { genauthMetadata, kindOf } from "./resources";

// ---- requests

/**
 * Conditions as the domain knows them (SPEC operators); GenAuth's
 * PolicyCondition carries every value as text, so numbers and booleans
 * written as text are read as such.
 */
export const conditionsParam = z
  .array(
    z
      .object({ param: z.string(), operator: z.string(), value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]) })
      .transform((c) => {
        if (typeof c.value !== "string") return c;
        if (c.operator.startsWith("Numeric") && c.value.trim() !== "" && Number.isFinite(Number(c.value))) return { ...c, value: Number(c.value) };
        if (c.operator === "Bool" && (c.value === "true" || c.value === "false")) return { ...c, value: c.value === "true" };
        return c;
      }),
  )
  .max(20);

export const EFFECTS = { ALLOW: "allow", DENY: "deny" } as const;

/** The grant target for a code: a resource, or a pattern when the code holds `*`. */
export const grantTarget = (namespace: Namespace, code: string) =>
  code.includes("*") ? { resourcePattern: `${namespace.key}:${code}` } : { resource: `${namespace.key}:${code}` };

/**
 * What a condition may read when the engine decides for GenAuth: the user
 * and namespace asked about, the time, and the app (`x-authing-app-id`);
 * the caller's own `context` adds to or overrides these (e.g. the end user's
 * SourceIp, which the server calling this API cannot know).
 */
export function decisionContext(req: NextRequest, known: { UserId: string; Namespace: string }, given?: CheckContext): CheckContext {
  const now = Date.now();
  const appId = req.headers.get("x-authing-app-id");
  return { CurrentTime: new Date(now).toISOString(), EpochTime: Math.floor(now / 1000), ...known, ...(appId ? { AppId: appId } : {}), ...given };
}

/** `books:*` and `books:fictions_` both match by prefix (a trailing `*` is dropped). */
export function matchesAnyPrefix(code: string, prefixes: string[] | undefined): boolean {
  if (!prefixes?.length) return true;
  return prefixes.some((p) => code.startsWith(p.endsWith("*") ? p.slice(0, -1) : p));
}

// ---- responses

export type AuthorizedResource = {
  resourceCode: string;
  resourceType: ResourceKind;
  description: string;
  apiIdentifier: string;
  actions: string[];
  effect: "ALLOW" | "DENY";
  condition: { param: string; operator: string; value: string }[];
};

const asText = (value: unknown) => (typeof value === "string" ? value : Array.isArray(value) ? JSON.stringify(value) : String(value));

const GRANT_PAGE = 1000;

/** Every grant matching a listGrants filter (organization, subject, resource, effect), all pages. */
export async function allGrants(db: Database, filter: { organization: string; subject?: string; resource?: string; effect?: "allow" | "deny" }): Promise<Grant[]> {
  const out: Grant[] = [];
  let cursor: string | undefined;
  do {
    const page = await listGrants(db, { ...filter, limit: GRANT_PAGE, cursor });
    out.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

/** Every grant a subject holds directly in the organization. */
export const grantsOf = (db: Database, organization: Organization, subjectId: string) => allGrants(db, { organization: organization.id, subject: subjectId });

/**
 * A principal's action grants in one namespace, one row per resource, effect
 * and conditions (actions merged), sorted by code.
 */
export async function authorizedRows(db: Database, namespace: Namespace, grants: Grant[]): Promise<AuthorizedResource[]> {
  const actionGrants = grants.filter((g) => g.actions);
  const resources = new Map((await resourcesByIds(db, actionGrants.flatMap((g) => (g.resourceId ? [g.resourceId] : [])))).map((r) => [r.id, r]));
  const patternPrefix = `${namespace.key}:`;
  const rows = new Map<string, AuthorizedResource>();
  for (const g of actionGrants) {
    const resource = g.resourceId ? resources.get(g.resourceId) : undefined;
    if (resource ? resource.resourceTypeId !== namespace.id : !g.resourcePattern?.startsWith(patternPrefix)) continue;
    const conditions = ((g.conditions ?? []) as { param: string; operator: string; value: unknown }[]).map((c) => ({ ...c, value: asText(c.value) }));
    const effect = g.effect === "deny" ? "DENY" : "ALLOW";
    const code = resource ? resource.externalId : g.resourcePattern!.slice(patternPrefix.length);
    const key = JSON.stringify([code, effect, conditions]);
    const row = rows.get(key);
    if (row) row.actions = [...new Set([...row.actions, ...g.actions!])].sort();
    else
      rows.set(key, {
        resourceCode: code,
        resourceType: resource ? kindOf(resource) : "DATA",
        description: resource?.description ?? "",
        apiIdentifier: resource ? genauthMetadata(resource).apiIdentifier ?? "" : "",
        actions: [...g.actions!].sort(),
        effect,
        condition: conditions,
      });
  }
  return [...rows.values()].sort((a, b) => (a.resourceCode < b.resourceCode ? -1 : a.resourceCode > b.resourceCode ? 1 : 0));
}
