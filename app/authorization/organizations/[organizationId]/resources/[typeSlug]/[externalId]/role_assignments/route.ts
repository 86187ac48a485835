import { workosRoute } from "@/app/authorization/_workos/adapter";
import { listResourceRoleAssignments } from "@/app/authorization/_workos/assignments";

export const GET = workosRoute(listResourceRoleAssignments);
