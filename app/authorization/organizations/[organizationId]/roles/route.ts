import { workosRoute } from "@/app/authorization/_workos/adapter";
import { createOrganizationRole, listOrganizationRoles } from "@/app/authorization/_workos/roles";

export const POST = workosRoute(createOrganizationRole);
export const GET = workosRoute(listOrganizationRoles);
