import { workosRoute } from "@/app/authorization/_workos/adapter";
import { listEffectivePermissionsByExternalId } from "@/app/authorization/_workos/access";

export const GET = workosRoute(listEffectivePermissionsByExternalId);
