import { workosRoute } from "@/app/authorization/_workos/adapter";
import { createWorkosResource, listWorkosResources } from "@/app/authorization/_workos/resources";

export const POST = workosRoute(createWorkosResource);
export const GET = workosRoute(listWorkosResources);
