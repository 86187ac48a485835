import { workosRoute } from "@/app/authorization/_workos/adapter";
import { createWorkosGroup, listWorkosGroups } from "@/app/authorization/_workos/groups";

export const POST = workosRoute(createWorkosGroup);
export const GET = workosRoute(listWorkosGroups);
