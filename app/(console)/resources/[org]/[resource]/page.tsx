import { ResourceDetail } from "../_lib/resource-detail";
import type { SearchParams } from "../../../_lib/organizations";
import { param } from "../../../_lib/organizations";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const dynamic = "force-dynamic";

export default async function ResourcePage({ params, searchParams }: { params: Promise<{ org: string; resource: string }>; searchParams: SearchParams }) {
  await requireAdmin();
  const { org, resource } = await params;
  return <ResourceDetail orgRef={org} resourceRef={resource} after={param(await searchParams, "after")} />;
}
