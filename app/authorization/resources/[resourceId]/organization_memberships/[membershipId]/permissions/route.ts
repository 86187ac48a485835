import { workosRoute } from "@/app/authorization/_workos/adapter";
import { listEffectivePermissions } from "@/app/authorization/_workos/access";

export const GET = workosRoute(listEffectivePermissions);
