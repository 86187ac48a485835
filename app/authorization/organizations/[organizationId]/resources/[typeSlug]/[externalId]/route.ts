import { workosRoute } from "@/app/authorization/_workos/adapter";
import { deleteResourceByExternalId, getResourceByExternalId, updateResourceByExternalId } from "@/app/authorization/_workos/resources";

export const GET = workosRoute(getResourceByExternalId);
export const PATCH = workosRoute(updateResourceByExternalId);
export const DELETE = workosRoute(deleteResourceByExternalId);
