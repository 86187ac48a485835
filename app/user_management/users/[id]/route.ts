import { workosRoute } from "@/app/authorization/_workos/adapter";
import { getWorkosUser } from "@/app/authorization/_workos/setup";

export const GET = workosRoute(getWorkosUser);
