import { listApiKeyViews } from "@/lib/api-keys/service";
import { CredentialsPanel } from "@/components/api-keys/credentials-panel";
import { loadOrganizations } from "../_lib/organizations";
import { requireAdmin } from "../_lib/require-admin";
import { apiKeyViews } from "./_lib/credential-views";

export const dynamic = "force-dynamic";

export default async function ApiKeysPage() {
  const { db } = await requireAdmin();
  const [keys, organizations] = await Promise.all([listApiKeyViews(db), loadOrganizations()]);
  return <CredentialsPanel kind="api-key" keys={apiKeyViews(keys)} organizations={organizations} />;
}
