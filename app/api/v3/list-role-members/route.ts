import { z } from "zod";
import { holdersOf } from "@/lib/grants/role-holders";
import { getUser } from "@/lib/subjects/users";
import { genauthGet } from "../_genauth/adapter";
import { requireNamespace } from "../_genauth/namespaces";
import { optionalNamespace, paged, pageParams } from "../_genauth/params";
import { userDto } from "../_genauth/principals";
import { requireRole, roleCode } from "../_genauth/roles";

const schema = z.object({ code: roleCode, namespace: optionalNamespace, ...pageParams });

/** The users the role is assigned to directly (groups and departments holding it are not expanded). */
export const GET = genauthGet(schema, async ({ db, organization, params }) => {
  const namespace = await requireNamespace(db, organization, params.namespace);
  const role = await requireRole(db, organization, namespace.key, params.code);
  const userIds = (await holdersOf(db, organization, role.id)).filter((h) => h.type === "user").map((h) => h.id);
  const page = paged([...new Set(userIds)], params);
  return { totalCount: page.totalCount, list: await Promise.all(page.list.map(async (id) => userDto(await getUser(db, id)))) };
});
