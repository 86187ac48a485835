import { cache } from "react";
import { notFound } from "next/navigation";
import { listScopes } from "@/lib/scopes/service";
import type { ScopeSummary } from "@/components/type-manager/scopes/scope-tree";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

/**
 * The scope named in the URL (id or key) with every scope, loaded once per
 * request however many layouts and pages ask. An unknown scope is a 404.
 */
export const loadScope = cache(async (ref: string) => {
  const { db } = await requireAdmin();
  const rows = await listScopes(db);
  const wanted = decodeURIComponent(ref);
  const scope = rows.find((s) => s.id === wanted) ?? rows.find((s) => s.key === wanted);
  if (!scope) notFound();
  const scopes: ScopeSummary[] = rows.map(({ id, key, name, parentId }) => ({ id, key, name, parentId }));
  const scopeNames = Object.fromEntries(rows.map((s) => [s.id, s.name]));
  return { db, scope, scopes, scopeNames };
});

export type ScopeParams = { params: Promise<{ scope: string }> };
