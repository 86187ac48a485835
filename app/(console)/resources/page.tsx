import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { LoadDemoButton, NewOrganizationButton } from "@/components/organizations/organization-forms";
import { DEMO_ORGANIZATION } from "@/lib/demo/seed";
import { loadOrganizations } from "../_lib/organizations";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Resources" };

export default async function ResourcesIndex() {
  await requireAdmin();
  const organizations = await loadOrganizations();
  const hasDemo = organizations.some((o) => o.externalId === DEMO_ORGANIZATION.externalId);
  return (
    <>
      <PageHeader
        title="Resources"
        description="Each organization keeps its resources in a tree under its root. Pick an organization to browse, search and change its tree."
        actions={
          <>
            {!hasDemo && organizations.length > 0 && <LoadDemoButton />}
            <NewOrganizationButton />
          </>
        }
      />
      {organizations.length === 0 ? (
        <section className="panel welcome" aria-labelledby="welcome-title">
          <h2 id="welcome-title">This installation is empty</h2>
          <p className="muted">
            Load a small example — an organization with workspaces, projects, documents, teams, departments and grants, on the content-management template — and explore a working
            console in a minute. Or start with your own organization.
          </p>
          <div className="row-actions start">
            <LoadDemoButton primary />
          </div>
          <p className="small muted">
            The same from a terminal: <code>npm run demo</code>.
          </p>
        </section>
      ) : (
        <section className="panel" aria-labelledby="orgs-title">
          <h2 id="orgs-title">Organizations</h2>
          <ul className="org-list">
            {organizations.map((o) => (
              <li key={o.id}>
                <Link href={`/resources/${o.id}`} className="org-link">
                  <span className="org-name">{o.name}</span>
                  <span className="muted small mono">{o.externalId ?? o.id}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
