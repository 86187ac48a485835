"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { segment: "", label: "Resource types" },
  { segment: "hierarchy", label: "Hierarchy" },
  { segment: "permissions", label: "Permissions" },
  { segment: "roles", label: "Roles" },
  { segment: "templates", label: "Templates" },
];

export function TypeTabs({ scopeId }: { scopeId: string }) {
  const pathname = usePathname();
  const base = `/types/${scopeId}`;
  return (
    <nav className="tabs" aria-label="Type manager sections">
      {TABS.map((tab) => {
        const href = tab.segment ? `${base}/${tab.segment}` : base;
        return (
          <Link key={tab.label} className="tab" href={href} aria-current={pathname === href ? "page" : undefined}>
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
