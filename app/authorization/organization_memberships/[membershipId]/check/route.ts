import { workosRoute } from "@/app/authorization/_workos/adapter";
import { checkMembership } from "@/app/authorization/_workos/access";

export const POST = workosRoute(checkMembership, { readOnly: true });
