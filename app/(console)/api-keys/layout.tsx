import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { KeyTabs } from "@/components/api-keys/key-tabs";
import { requireAdmin } from "../_lib/require-admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return (
    <>
      <PageHeader
        title="API keys"
        description="Credentials for applications calling Arbor. A secret is shown once, when it is created; a key can be restricted to one organization and made read-only, and a revoked key is refused from its next request on."
      />
      <KeyTabs />
      {children}
    </>
  );
}
