import { workosRoute } from "@/app/authorization/_workos/adapter";
import { removeWorkosGroupMember } from "@/app/authorization/_workos/groups";

export const DELETE = workosRoute(removeWorkosGroupMember);
