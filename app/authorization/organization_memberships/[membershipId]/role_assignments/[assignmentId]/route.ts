import { workosRoute } from "@/app/authorization/_workos/adapter";
import { removeMembershipRoleAssignment } from "@/app/authorization/_workos/assignments";

export const DELETE = workosRoute(removeMembershipRoleAssignment);
