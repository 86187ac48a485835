import { workosRoute } from "@/app/authorization/_workos/adapter";
import { listMembershipsForResource } from "@/app/authorization/_workos/access";

export const GET = workosRoute(listMembershipsForResource);
