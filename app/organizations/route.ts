import { workosRoute } from "@/app/authorization/_workos/adapter";
import { createWorkosOrganization } from "@/app/authorization/_workos/setup";

export const POST = workosRoute(createWorkosOrganization);
