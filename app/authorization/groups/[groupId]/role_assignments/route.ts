import { workosRoute } from "@/app/authorization/_workos/adapter";
import { createGroupRoleAssignment, listGroupRoleAssignments, removeGroupRoleAssignments, replaceGroupRoleAssignments } from "@/app/authorization/_workos/group-assignments";

export const GET = workosRoute(listGroupRoleAssignments);
export const POST = workosRoute(createGroupRoleAssignment);
export const DELETE = workosRoute(removeGroupRoleAssignments);
export const PUT = workosRoute(replaceGroupRoleAssignments);
