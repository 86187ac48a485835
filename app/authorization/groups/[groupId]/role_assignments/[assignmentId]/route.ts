import { workosRoute } from "@/app/authorization/_workos/adapter";
import { getGroupRoleAssignment, removeGroupRoleAssignment } from "@/app/authorization/_workos/group-assignments";

export const GET = workosRoute(getGroupRoleAssignment);
export const DELETE = workosRoute(removeGroupRoleAssignment);
