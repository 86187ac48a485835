import { z } from "zod";
import { getGroup } from "@/lib/subjects/groups";
import { genauthGet } from "../_genauth/adapter";
import { groupDto } from "../_genauth/principals";

export const GET = genauthGet(z.object({ code: z.string().min(1).max(256) }), async ({ db, organization, params }) =>
  groupDto(await getGroup(db, params.code, { organization: organization.id }, "code")),
);
