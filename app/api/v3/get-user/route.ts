import { z } from "zod";
import { getUser } from "@/lib/subjects/users";
import { genauthGet } from "../_genauth/adapter";
import { supportedUserIdType, userDto } from "../_genauth/principals";

export const GET = genauthGet(z.object({ userId: z.string().min(1).max(256), userIdType: supportedUserIdType }), async ({ db, params }) =>
  userDto(await getUser(db, params.userId, "userId")),
);
