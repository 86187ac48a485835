import { z } from "zod";
import { invalid } from "@/lib/shared/errors";
import { createUser } from "@/lib/subjects/users";
import { genauthPost } from "../_genauth/adapter";
import { userDto } from "../_genauth/principals";

const text = z.string().trim().min(1).max(200);
const schema = z.object({
  username: text.optional(),
  email: z.email("参数 email 格式错误").max(320).optional(),
  phone: z.string().trim().min(1).max(40).optional(),
  externalId: z.string().min(1).max(256).optional(),
  name: text.optional(),
  nickname: text.optional(),
  givenName: text.optional(),
  familyName: text.optional(),
});

/** Arbor keeps a user's external id, email and names; a username (or phone) becomes the name when no name is given. */
export const POST = genauthPost(
  schema,
  async ({ db, actor, params }) => {
    if (!params.username && !params.email && !params.phone) throw invalid("username", "required", "give at least one of username, email or phone");
    const { value } = await createUser(db, actor, {
      externalId: params.externalId,
      email: params.email,
      name: params.name ?? params.username ?? params.nickname ?? params.phone,
      firstName: params.givenName,
      lastName: params.familyName,
    });
    return userDto(value);
  },
  { write: true },
);
