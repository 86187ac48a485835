/** The console's areas (SPEC "The console"), grouped as the sidebar shows them. */
export type NavItem = { href: string; label: string };
export type NavGroup = { title: string; items: NavItem[] };

export const NAV_GROUPS: NavGroup[] = [
  { title: "Definitions", items: [{ href: "/types", label: "Types" }] },
  {
    title: "Data",
    items: [
      { href: "/resources", label: "Resources" },
      { href: "/subjects", label: "Users, groups, departments" },
      { href: "/grants", label: "Grants" },
    ],
  },
  { title: "Decisions", items: [{ href: "/access", label: "Access checker" }] },
  {
    title: "Operations",
    items: [
      { href: "/changes", label: "Change log" },
      { href: "/api-keys", label: "API keys" },
      { href: "/administrators", label: "Administrators" },
      { href: "/api-reference", label: "API reference" },
    ],
  },
];
