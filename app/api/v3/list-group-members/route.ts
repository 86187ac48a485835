import { z } from "zod";
import { getGroup, listGroupMembers, type GroupMember } from "@/lib/subjects/groups";
import { getUser } from "@/lib/subjects/users";
import { genauthGet } from "../_genauth/adapter";
import { paged, pageParams } from "../_genauth/params";
import { userDto } from "../_genauth/principals";

const MEMBER_PAGE = 1000;

/** The group's direct user members (nested groups are not listed: GenAuth groups hold users). */
export const GET = genauthGet(z.object({ code: z.string().min(1).max(256), ...pageParams }), async ({ db, organization, params }) => {
  const group = await getGroup(db, params.code, { organization: organization.id }, "code");
  const members: GroupMember[] = [];
  let cursor: string | undefined;
  do {
    const page = await listGroupMembers(db, group.id, { limit: MEMBER_PAGE, cursor });
    members.push(...page.data);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const page = paged(members.filter((m) => m.type === "user"), params);
  return { totalCount: page.totalCount, list: await Promise.all(page.list.map(async (m) => userDto(await getUser(db, m.id)))) };
});
