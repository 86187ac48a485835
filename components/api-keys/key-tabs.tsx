"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "/api-keys", label: "API keys" },
  { href: "/api-keys/access-keys", label: "Access keys (GenAuth)" },
];

export function KeyTabs() {
  const pathname = usePathname();
  return (
    <nav className="tabs" aria-label="Kinds of keys">
      {TABS.map((tab) => (
        <Link key={tab.href} className="tab" href={tab.href} aria-current={pathname === tab.href ? "page" : undefined}>
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
