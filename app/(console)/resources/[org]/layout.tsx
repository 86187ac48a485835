import type { Metadata } from "next";
import Link from "next/link";
import { OrgSwitcher } from "@/components/organizations/org-switcher";
import { ResourceTreeProvider } from "@/components/resources/tree/tree-context";
import { TreePanel } from "@/components/resources/tree/tree-panel";
import { loadOrganizations } from "../../_lib/organizations";
import { loadOrganization } from "./_lib/load";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ org: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { org } = await loadOrganization((await params).org);
  return { title: `Resources of ${org.name}` };
}

/** The organization's tree stays beside every resource page, keeping its open branches while pages change. */
export default async function OrganizationLayout({ children, params }: Params & { children: React.ReactNode }) {
  await requireAdmin();
  const { org, root } = await loadOrganization((await params).org);
  const organizations = await loadOrganizations();
  const q = `?org=${org.id}`;
  return (
    <ResourceTreeProvider key={org.id} root={root}>
      <div className="org-bar">
        <OrgSwitcher organizations={organizations} currentId={org.id} mode="path" />
        <nav className="org-links" aria-label={`${org.name} elsewhere in the console`}>
          <Link href={`/grants${q}`}>Grants</Link>
          <Link href={`/access${q}`}>Access checker</Link>
          <Link href={`/subjects/groups${q}`}>Groups</Link>
          <Link href={`/subjects/departments${q}`}>Departments</Link>
          <Link href={`/types/${org.scopeId}`}>Definitions</Link>
        </nav>
      </div>
      <div className="resource-layout">
        <TreePanel organizationId={org.id} organizationName={org.name} rootId={root.id} />
        <div className="resource-main">{children}</div>
      </div>
    </ResourceTreeProvider>
  );
}
