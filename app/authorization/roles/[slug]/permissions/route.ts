import { workosRoute } from "@/app/authorization/_workos/adapter";
import { addEnvironmentRolePermission, setEnvironmentRolePermissions } from "@/app/authorization/_workos/roles";

export const PUT = workosRoute(setEnvironmentRolePermissions);
export const POST = workosRoute(addEnvironmentRolePermission);
