import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "API keys" };

export default function ApiKeysPage() {
  return (
    <ComingSoon
      title="API keys"
      summary="Credentials for applications calling the native and WorkOS APIs."
      plans={["create keys (shown once), optionally read-only or limited to one organization", "revoke keys"]}
    />
  );
}
