import { workosRoute } from "@/app/authorization/_workos/adapter";
import { deleteWorkosMembership, getWorkosMembership, updateWorkosMembership } from "@/app/authorization/_workos/setup";

export const GET = workosRoute(getWorkosMembership);
export const PUT = workosRoute(updateWorkosMembership);
export const DELETE = workosRoute(deleteWorkosMembership);
