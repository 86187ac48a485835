import { workosRoute } from "@/app/authorization/_workos/adapter";
import { getWorkosOrganization } from "@/app/authorization/_workos/setup";

export const GET = workosRoute(getWorkosOrganization);
