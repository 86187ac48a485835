import { z } from "zod";
import { addGroupMember, getGroup } from "@/lib/subjects/groups";
import { getUser } from "@/lib/subjects/users";
import { done, genauthPost } from "../_genauth/adapter";
import { applyTogether } from "../_genauth/batch";

const schema = z.object({ code: z.string().min(1).max(256), userIds: z.array(z.string().min(1).max(256)).min(1).max(100) });

/** Every user is checked first (an unknown one changes nothing); members already in the group stay as they are; one transaction. */
export const POST = genauthPost(
  schema,
  async ({ db, actor, organization, params }) => {
    const group = await getGroup(db, params.code, { organization: organization.id }, "code");
    const users = await Promise.all(params.userIds.map((id, i) => getUser(db, id, `userIds.${i}`)));
    await applyTogether(db, actor, users, (tx, u) => addGroupMember(tx, actor, group.id, { type: "user", id: u.id }), "conflict");
    return done;
  },
  { write: true },
);
