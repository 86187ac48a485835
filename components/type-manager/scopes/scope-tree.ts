/** The scope list as the picker shows it: depth-first, children by name, each with its depth. */
export type ScopeSummary = { id: string; key: string; name: string; parentId: string | null };
export type ScopeOption = ScopeSummary & { depth: number };

export function scopeOptions(scopes: ScopeSummary[]): ScopeOption[] {
  const byParent = new Map<string | null, ScopeSummary[]>();
  for (const scope of scopes) byParent.set(scope.parentId, [...(byParent.get(scope.parentId) ?? []), scope]);
  const out: ScopeOption[] = [];
  const visit = (parentId: string | null, depth: number) => {
    const children = [...(byParent.get(parentId) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const child of children) {
      out.push({ ...child, depth });
      visit(child.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** The root first, down to the scope. */
export function scopeChain(scopes: ScopeSummary[], scopeId: string): ScopeSummary[] {
  const byId = new Map(scopes.map((s) => [s.id, s]));
  const chain: ScopeSummary[] = [];
  for (let scope = byId.get(scopeId); scope; scope = scope.parentId ? byId.get(scope.parentId) : undefined) chain.unshift(scope);
  return chain;
}
