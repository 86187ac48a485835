import { assignRolesOrganizationWide } from "@/lib/grants/role-holders";
import { done, genauthPost } from "../_genauth/adapter";
import { roleHoldings, roleTargetsSchema } from "../_genauth/role-targets";

/** Organization-wide, idempotent, all targets in one transaction. */
export const POST = genauthPost(
  roleTargetsSchema,
  async ({ db, actor, organization, params }) => {
    await assignRolesOrganizationWide(db, actor, organization, await roleHoldings(db, organization, params));
    return done;
  },
  { write: true },
);
