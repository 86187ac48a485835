"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { NAV_GROUPS } from "./nav-items";

export function SidebarNav() {
  const pathname = usePathname();
  const isCurrent = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  return (
    <nav aria-label="Console">
      {NAV_GROUPS.map((group) => (
        <div className="nav-group" key={group.title}>
          <h2 className="nav-group-title">{group.title}</h2>
          <ul className="nav-list">
            {group.items.map((item) => (
              <li key={item.href}>
                <Link className="nav-link" href={item.href} aria-current={isCurrent(item.href) ? "page" : undefined}>
                  <span>{item.label}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
