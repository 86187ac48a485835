import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { ScopeNamesProvider } from "@/components/type-manager/scope-names";
import { ScopeBar } from "@/components/type-manager/scopes/scope-bar";
import { TypeTabs } from "@/components/type-manager/type-tabs";
import { loadScope, type ScopeParams } from "./_lib/load-scope";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Type manager" };

export default async function TypeManagerLayout({ children, params }: ScopeParams & { children: React.ReactNode }) {
  await requireAdmin();
  const { scope, scopes, scopeNames } = await loadScope((await params).scope);
  return (
    <ScopeNamesProvider names={scopeNames}>
      <PageHeader
        title="Type manager"
        description="Resource types, how they nest, the permissions on them and the roles that bundle permissions. Definitions made in a scope are visible in all scopes below it."
      />
      <ScopeBar scopes={scopes} currentId={scope.id} />
      <TypeTabs scopeId={scope.id} />
      {children}
    </ScopeNamesProvider>
  );
}
