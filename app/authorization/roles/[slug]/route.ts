import { workosRoute } from "@/app/authorization/_workos/adapter";
import { getEnvironmentRole, updateEnvironmentRole } from "@/app/authorization/_workos/roles";

export const GET = workosRoute(getEnvironmentRole);
export const PATCH = workosRoute(updateEnvironmentRole);
