import { z } from "zod";
import { getGroup, removeGroupMember } from "@/lib/subjects/groups";
import { getUser } from "@/lib/subjects/users";
import { done, genauthPost } from "../_genauth/adapter";
import { each } from "../_genauth/members";

const schema = z.object({ code: z.string().min(1).max(256), userIds: z.array(z.string().min(1).max(256)).min(1).max(100) });

export const POST = genauthPost(
  schema,
  async ({ db, actor, organization, params }) => {
    const group = await getGroup(db, params.code, { organization: organization.id }, "code");
    const users = await Promise.all(params.userIds.map((id, i) => getUser(db, id, `userIds.${i}`)));
    await each(users, (u) => removeGroupMember(db, actor, group.id, { type: "user", id: u.id }), "not_found");
    return done;
  },
  { write: true },
);
