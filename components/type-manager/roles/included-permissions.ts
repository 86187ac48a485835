/**
 * Permissions a role holds through the roles it includes (transitively),
 * with the included role each comes from. Roles are matched by slug among
 * those visible in the scope, as the domain resolves includes.
 */
export type RoleLinks = { slug: string; permissions: string[]; includes: string[] };

export function permissionsViaIncludes(role: RoleLinks, roles: RoleLinks[]): Map<string, string> {
  const bySlug = new Map(roles.map((r) => [r.slug, r]));
  const via = new Map<string, string>();
  const seen = new Set([role.slug]);
  const stack = [...role.includes];
  while (stack.length) {
    const slug = stack.pop()!;
    if (seen.has(slug)) continue;
    seen.add(slug);
    const included = bySlug.get(slug);
    if (!included) continue;
    for (const key of included.permissions) if (!via.has(key)) via.set(key, slug);
    stack.push(...included.includes);
  }
  return via;
}
