import Link from "next/link";
import { SidebarNav } from "./sidebar-nav";
import { Account } from "./account";

export function Shell({ email, children }: { email: string; children: React.ReactNode }) {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">Skip to content</a>
      <aside className="sidebar">
        <div className="sidebar-inner">
          <header className="sidebar-header">
            <Link className="brand" href="/">
              <span className="brand-mark" aria-hidden="true">A</span>
              Arbor
            </Link>
            <Account email={email} />
          </header>
          <SidebarNav />
        </div>
      </aside>
      <main className="main" id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
