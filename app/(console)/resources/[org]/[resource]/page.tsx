import { ResourceDetail } from "../_lib/resource-detail";
import type { SearchParams } from "../../../_lib/organizations";
import { param } from "../../../_lib/organizations";

export const dynamic = "force-dynamic";

export default async function ResourcePage({ params, searchParams }: { params: Promise<{ org: string; resource: string }>; searchParams: SearchParams }) {
  const { org, resource } = await params;
  return <ResourceDetail orgRef={org} resourceRef={resource} after={param(await searchParams, "after")} />;
}
