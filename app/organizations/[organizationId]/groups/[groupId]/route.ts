import { workosRoute } from "@/app/authorization/_workos/adapter";
import { deleteWorkosGroup, getWorkosGroup, updateWorkosGroup } from "@/app/authorization/_workos/groups";

export const GET = workosRoute(getWorkosGroup);
export const PATCH = workosRoute(updateWorkosGroup);
export const DELETE = workosRoute(deleteWorkosGroup);
