"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";

const TABS = [
  { href: "/subjects/users", label: "Users" },
  { href: "/subjects/memberships", label: "Memberships" },
  { href: "/subjects/groups", label: "Groups" },
  { href: "/subjects/departments", label: "Departments" },
];

/** Keeps the chosen organization across the tabs that are per organization. */
export function SubjectTabs() {
  const pathname = usePathname();
  const org = useSearchParams().get("org");
  return (
    <nav className="tabs" aria-label="Subjects">
      {TABS.map((tab) => (
        <Link key={tab.href} className="tab" href={org && tab.href !== "/subjects/users" ? `${tab.href}?org=${org}` : tab.href} aria-current={pathname.startsWith(tab.href) ? "page" : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
