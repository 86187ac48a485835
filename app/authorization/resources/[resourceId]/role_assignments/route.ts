import { workosRoute } from "@/app/authorization/_workos/adapter";
import { listRoleAssignmentsForResource } from "@/app/authorization/_workos/assignments";

export const GET = workosRoute(listRoleAssignmentsForResource);
