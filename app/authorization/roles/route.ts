import { workosRoute } from "@/app/authorization/_workos/adapter";
import { createEnvironmentRole, listEnvironmentRoles } from "@/app/authorization/_workos/roles";

export const POST = workosRoute(createEnvironmentRole);
export const GET = workosRoute(listEnvironmentRoles);
