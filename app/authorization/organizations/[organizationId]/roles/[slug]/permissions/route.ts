import { workosRoute } from "@/app/authorization/_workos/adapter";
import { addOrganizationRolePermission, setOrganizationRolePermissions } from "@/app/authorization/_workos/roles";

export const PUT = workosRoute(setOrganizationRolePermissions);
export const POST = workosRoute(addOrganizationRolePermission);
