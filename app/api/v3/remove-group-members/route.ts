import { z } from "zod";
import { getGroup, removeGroupMember } from "@/lib/subjects/groups";
import { getUser } from "@/lib/subjects/users";
import { done, genauthPost } from "../_genauth/adapter";
import { applyTogether } from "../_genauth/batch";

const schema = z.object({ code: z.string().min(1).max(256), userIds: z.array(z.string().min(1).max(256)).min(1).max(100) });

/** Users who are not members are skipped; one transaction. */
export const POST = genauthPost(
  schema,
  async ({ db, actor, organization, params }) => {
    const group = await getGroup(db, params.code, { organization: organization.id }, "code");
    const users = await Promise.all(params.userIds.map((id, i) => getUser(db, id, `userIds.${i}`)));
    await applyTogether(db, actor, users, (tx, u) => removeGroupMember(tx, actor, group.id, { type: "user", id: u.id }), "not_found");
    return done;
  },
  { write: true },
);
