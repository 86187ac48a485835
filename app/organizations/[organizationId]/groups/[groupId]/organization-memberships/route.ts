import { workosRoute } from "@/app/authorization/_workos/adapter";
import { addWorkosGroupMember, listWorkosGroupMembers } from "@/app/authorization/_workos/groups";

export const POST = workosRoute(addWorkosGroupMember);
export const GET = workosRoute(listWorkosGroupMembers);
