import { z } from "zod";
import { deleteUser } from "@/lib/subjects/users";
import { done, genauthPost } from "../_genauth/adapter";
import { applyTogether } from "../_genauth/batch";
import { supportedUserIdType } from "../_genauth/principals";

const schema = z.object({
  userIds: z.array(z.string().min(1).max(256)).min(1).max(50),
  options: z.object({ userIdType: supportedUserIdType }).optional(),
});

/**
 * Unknown users are skipped. Each user goes with its grants and memberships,
 * all in one transaction. Users are shared by every organization, so a key
 * bound to one may not delete them (403, lib/tenancy/rules.ts).
 */
export const POST = genauthPost(
  schema,
  async ({ db, actor, params }) => {
    await applyTogether(db, actor, new Set(params.userIds), (tx, id) => deleteUser(tx, actor, id), "not_found");
    return done;
  },
  { write: true },
);
