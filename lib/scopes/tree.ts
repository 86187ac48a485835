import type { Queryable } from "@/db/client";
import { scopes } from "@/db/schema";
import { notFound } from "@/lib/shared/errors";
import { seesScope } from "@/lib/tenancy/rules";

/**
 * The scope tree is small (definitions, not data), so rules that follow it
 * load it whole: one query instead of a recursive walk per check.
 */
export type ScopeTree = {
  parentOf: Map<string, string | null>;
  idByKey: Map<string, string>;
  /** The scope, then its parent, up to the root. */
  chain(scopeId: string): string[];
  /** The scope and everything below it. */
  subtree(scopeId: string): string[];
};

export async function loadScopeTree(db: Queryable): Promise<ScopeTree> {
  const rows = await db.select({ id: scopes.id, key: scopes.key, parentId: scopes.parentId }).from(scopes);
  const parentOf = new Map(rows.map((r) => [r.id, r.parentId]));
  const idByKey = new Map(rows.map((r) => [r.key, r.id]));
  const childrenOf = new Map<string, string[]>();
  for (const r of rows) if (r.parentId) childrenOf.set(r.parentId, [...(childrenOf.get(r.parentId) ?? []), r.id]);
  return {
    parentOf,
    idByKey,
    chain(scopeId) {
      const out: string[] = [];
      for (let id: string | null | undefined = scopeId; id; id = parentOf.get(id)) out.push(id);
      return out;
    },
    subtree(scopeId) {
      const out: string[] = [];
      const stack = [scopeId];
      while (stack.length) {
        const id = stack.pop()!;
        out.push(id);
        stack.push(...(childrenOf.get(id) ?? []));
      }
      return out;
    },
  };
}

/** A scope reference is its id or its key (`default`, a GenAuth namespace code); a tenant finds only the scopes it sees. */
export function resolveScopeRef(tree: ScopeTree, ref: string, field = "scopeId"): string {
  const id = tree.parentOf.has(ref) ? ref : tree.idByKey.get(ref);
  if (id && seesScope(id)) return id;
  throw notFound("scope", ref, field);
}

/** Scopes whose definitions collide with one made in `scopeId`: those it sees and those that see it. */
export function collisionScopes(tree: ScopeTree, scopeId: string): string[] {
  return [...new Set([...tree.chain(scopeId), ...tree.subtree(scopeId)])];
}
