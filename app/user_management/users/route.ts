import { workosRoute } from "@/app/authorization/_workos/adapter";
import { createWorkosUser } from "@/app/authorization/_workos/setup";

export const POST = workosRoute(createWorkosUser);
