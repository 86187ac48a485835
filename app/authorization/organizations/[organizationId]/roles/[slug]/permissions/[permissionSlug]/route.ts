import { workosRoute } from "@/app/authorization/_workos/adapter";
import { removeOrganizationRolePermission } from "@/app/authorization/_workos/roles";

export const DELETE = workosRoute(removeOrganizationRolePermission);
