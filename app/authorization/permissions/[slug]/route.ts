import { workosRoute } from "@/app/authorization/_workos/adapter";
import { deleteWorkosPermission, getWorkosPermission, updateWorkosPermission } from "@/app/authorization/_workos/permissions";

export const GET = workosRoute(getWorkosPermission);
export const PATCH = workosRoute(updateWorkosPermission);
export const DELETE = workosRoute(deleteWorkosPermission);
