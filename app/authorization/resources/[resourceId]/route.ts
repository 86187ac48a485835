import { workosRoute } from "@/app/authorization/_workos/adapter";
import { deleteWorkosResource, getWorkosResource, updateWorkosResource } from "@/app/authorization/_workos/resources";

export const GET = workosRoute(getWorkosResource);
export const PATCH = workosRoute(updateWorkosResource);
export const DELETE = workosRoute(deleteWorkosResource);
