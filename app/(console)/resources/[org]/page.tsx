import { ResourceDetail } from "./_lib/resource-detail";
import type { SearchParams } from "../../_lib/organizations";
import { param } from "../../_lib/organizations";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const dynamic = "force-dynamic";

/** The organization's own page is its root resource's page. */
export default async function OrganizationRootPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: SearchParams }) {
  await requireAdmin();
  return <ResourceDetail orgRef={(await params).org} after={param(await searchParams, "after")} />;
}
