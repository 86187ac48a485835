import { z } from "zod";
import { rolesHeldBy } from "@/lib/grants/role-holders";
import { listRoles } from "@/lib/roles/service";
import { getUser } from "@/lib/subjects/users";
import { genauthGet } from "../_genauth/adapter";
import { DEFAULT_NAMESPACE, namespacesOf, requireNamespace } from "../_genauth/namespaces";
import { namespaceCode } from "../_genauth/params";
import { supportedUserIdType } from "../_genauth/principals";
import { parseRoleSlug, roleDto } from "../_genauth/roles";

const schema = z.object({ userId: z.string().min(1).max(256), userIdType: supportedUserIdType, namespace: namespaceCode.optional() });

/** The roles assigned to the user itself (not through a group or department), in every namespace unless one is named. */
export const GET = genauthGet(schema, async ({ db, organization, params }) => {
  const user = await getUser(db, params.userId, "userId");
  const held = new Set(await rolesHeldBy(db, organization, { type: "user", id: user.id }));
  await requireNamespace(db, organization, DEFAULT_NAMESPACE);
  const namespaces = new Map((await namespacesOf(db, organization)).map((n) => [n.key, n]));
  const list = (await listRoles(db, organization.scopeId)).flatMap((role) => {
    const namespace = namespaces.get(parseRoleSlug(role.slug).namespace);
    if (!held.has(role.id) || !namespace || (params.namespace && namespace.key !== params.namespace)) return [];
    return [roleDto(role, namespace)];
  });
  return { totalCount: list.length, list };
});
