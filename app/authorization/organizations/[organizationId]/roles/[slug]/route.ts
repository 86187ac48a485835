import { workosRoute } from "@/app/authorization/_workos/adapter";
import { deleteOrganizationRole, getOrganizationRole, updateOrganizationRole } from "@/app/authorization/_workos/roles";

export const GET = workosRoute(getOrganizationRole);
export const PATCH = workosRoute(updateOrganizationRole);
export const DELETE = workosRoute(deleteOrganizationRole);
