/** The console's areas (SPEC "The console"), grouped as the sidebar shows them. */
export type NavItem = { href: string; label: string; coming?: boolean };
export type NavGroup = { title: string; items: NavItem[] };

export const NAV_GROUPS: NavGroup[] = [
  { title: "Definitions", items: [{ href: "/types", label: "Types" }] },
  {
    title: "Data",
    items: [
      { href: "/resources", label: "Resources", coming: true },
      { href: "/subjects", label: "Users, groups, departments", coming: true },
      { href: "/grants", label: "Grants", coming: true },
    ],
  },
  { title: "Decisions", items: [{ href: "/access", label: "Access checker", coming: true }] },
  {
    title: "Operations",
    items: [
      { href: "/changes", label: "Change log", coming: true },
      { href: "/api-keys", label: "API keys", coming: true },
      { href: "/api-reference", label: "API reference" },
    ],
  },
];
