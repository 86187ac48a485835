import { workosRoute } from "@/app/authorization/_workos/adapter";
import { createWorkosMembership } from "@/app/authorization/_workos/setup";

export const POST = workosRoute(createWorkosMembership);
