import { workosRoute } from "@/app/authorization/_workos/adapter";
import { listMembershipsForResourceByExternalId } from "@/app/authorization/_workos/access";

export const GET = workosRoute(listMembershipsForResourceByExternalId);
