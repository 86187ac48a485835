import { z } from "zod";
import { groupsOfUser } from "@/lib/subjects/groups-of";
import { getUser } from "@/lib/subjects/users";
import { genauthGet } from "../_genauth/adapter";
import { groupDto, supportedUserIdType } from "../_genauth/principals";

export const GET = genauthGet(z.object({ userId: z.string().min(1).max(256), userIdType: supportedUserIdType }), async ({ db, organization, params }) => {
  const user = await getUser(db, params.userId, "userId");
  const list = (await groupsOfUser(db, user.id, organization.id)).map(groupDto);
  return { totalCount: list.length, list };
});
