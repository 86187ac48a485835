import { z } from "zod";
import { ArborError } from "@/lib/shared/errors";
import { deleteGroup } from "@/lib/subjects/groups";
import { done, genauthPost } from "../_genauth/adapter";

/** Unknown codes are skipped. Each group goes with its memberships and grants, one transaction per group. */
export const POST = genauthPost(
  z.object({ codeList: z.array(z.string().min(1).max(256)).min(1).max(50) }),
  async ({ db, actor, organization, params }) => {
    for (const code of new Set(params.codeList)) {
      await deleteGroup(db, actor, code, { organization: organization.id }).catch((error: unknown) => {
        if (!(error instanceof ArborError && error.kind === "not_found")) throw error;
      });
    }
    return done;
  },
  { write: true },
);
