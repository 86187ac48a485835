import { TEMPLATES } from "@/lib/templates/catalog";
import { list, nativeRoute } from "../_native/adapter";

export const GET = nativeRoute(async () => list(TEMPLATES));
