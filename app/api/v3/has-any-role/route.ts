import { z } from "zod";
import { ArborError } from "@/lib/shared/errors";
import { rolesHeldBy } from "@/lib/grants/role-holders";
import { getUser } from "@/lib/subjects/users";
import { genauthPost } from "../_genauth/adapter";
import { optionalNamespace } from "../_genauth/params";
import { supportedUserIdType } from "../_genauth/principals";
import { requireRole, roleCode } from "../_genauth/roles";

const schema = z.object({
  userId: z.string().min(1).max(256),
  roles: z.array(z.object({ code: roleCode, namespace: optionalNamespace })).min(1).max(50),
  options: z.object({ userIdType: supportedUserIdType }).optional(),
});

/** Whether the user itself holds at least one of the roles; a role that does not exist is simply not held. */
export const POST = genauthPost(schema, async ({ db, organization, params }) => {
  const user = await getUser(db, params.userId, "userId");
  const held = new Set(await rolesHeldBy(db, organization, { type: "user", id: user.id }));
  for (const r of params.roles) {
    const role = await requireRole(db, organization, r.namespace, r.code).catch((error: unknown) => {
      if (error instanceof ArborError && error.kind === "not_found") return undefined;
      throw error;
    });
    if (role && held.has(role.id)) return { hasAnyRole: true };
  }
  return { hasAnyRole: false };
});
