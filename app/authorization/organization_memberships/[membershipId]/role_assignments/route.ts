import { workosRoute } from "@/app/authorization/_workos/adapter";
import { assignMembershipRole, listMembershipRoleAssignments, removeMembershipRole } from "@/app/authorization/_workos/assignments";

export const GET = workosRoute(listMembershipRoleAssignments);
export const POST = workosRoute(assignMembershipRole);
export const DELETE = workosRoute(removeMembershipRole);
