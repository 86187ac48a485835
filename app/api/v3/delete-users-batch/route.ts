import { z } from "zod";
import { ArborError } from "@/lib/shared/errors";
import { deleteUser } from "@/lib/subjects/users";
import { done, genauthPost } from "../_genauth/adapter";
import { supportedUserIdType } from "../_genauth/principals";

const schema = z.object({
  userIds: z.array(z.string().min(1).max(256)).min(1).max(50),
  options: z.object({ userIdType: supportedUserIdType }).optional(),
});

/** Unknown users are skipped. Each user goes with its grants and memberships, one transaction per user. */
export const POST = genauthPost(
  schema,
  async ({ db, actor, params }) => {
    for (const id of new Set(params.userIds)) {
      await deleteUser(db, actor, id).catch((error: unknown) => {
        if (!(error instanceof ArborError && error.kind === "not_found")) throw error;
      });
    }
    return done;
  },
  { write: true },
);
