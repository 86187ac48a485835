import { workosRoute } from "@/app/authorization/_workos/adapter";
import { createWorkosPermission, listWorkosPermissions } from "@/app/authorization/_workos/permissions";

export const POST = workosRoute(createWorkosPermission);
export const GET = workosRoute(listWorkosPermissions);
