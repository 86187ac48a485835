/** Request fields that describe a resource (create, batch create, update). */
import { z } from "zod";
import { resourceActions, resourceCode, resourceKind } from "./params";

export const resourceDefinition = z.object({
  code: resourceCode,
  type: resourceKind,
  name: z.string().trim().max(200).optional(),
  description: z.string().max(2000).optional(),
  actions: resourceActions.optional(),
  apiIdentifier: z.string().max(2000).optional(),
});
