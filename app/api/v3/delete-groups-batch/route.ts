import { z } from "zod";
import { deleteGroup } from "@/lib/subjects/groups";
import { done, genauthPost } from "../_genauth/adapter";
import { applyTogether } from "../_genauth/batch";

/** Unknown codes are skipped. Each group goes with its memberships and grants; all of them in one transaction. */
export const POST = genauthPost(
  z.object({ codeList: z.array(z.string().min(1).max(256)).min(1).max(50) }),
  async ({ db, actor, organization, params }) => {
    await applyTogether(db, actor, new Set(params.codeList), (tx, code) => deleteGroup(tx, actor, code, { organization: organization.id }), "not_found");
    return done;
  },
  { write: true },
);
