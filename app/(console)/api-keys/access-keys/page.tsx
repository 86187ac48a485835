import type { Metadata } from "next";
import { listAccessKeyViews } from "@/lib/access-keys/service";
import { CredentialsPanel } from "@/components/api-keys/credentials-panel";
import { loadOrganizations } from "../../_lib/organizations";
import { requireAdmin } from "../../_lib/require-admin";
import { accessKeyViews } from "../_lib/credential-views";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Access keys" };

export default async function AccessKeysPage() {
  const { db } = await requireAdmin();
  const [keys, organizations] = await Promise.all([listAccessKeyViews(db), loadOrganizations()]);
  return <CredentialsPanel kind="access-key" keys={accessKeyViews(keys)} organizations={organizations} />;
}
