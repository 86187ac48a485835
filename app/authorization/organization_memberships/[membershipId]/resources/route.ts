import { workosRoute } from "@/app/authorization/_workos/adapter";
import { listResourcesForMembership } from "@/app/authorization/_workos/access";

export const GET = workosRoute(listResourcesForMembership);
