import { z } from "zod";
import { resourcesWithAccess } from "@/lib/access/declared-actions";
import { resourcesByIds } from "@/lib/resources/by-type";
import { getUser } from "@/lib/subjects/users";
import { genauthGet } from "../_genauth/adapter";
import { decisionContext, type AuthorizedResource } from "../_genauth/authorized";
import { requireNamespace } from "../_genauth/namespaces";
import { optionalNamespace, resourceKind } from "../_genauth/params";
import { supportedUserIdType } from "../_genauth/principals";
import { genauthMetadata, kindOf } from "../_genauth/resources";

const schema = z.object({
  userId: z.string().min(1).max(256),
  userIdType: supportedUserIdType,
  namespace: optionalNamespace,
  resourceType: resourceKind.optional(),
});

/**
 * Everything the user may do in the namespace — its own grants and those of
 * its groups, departments and roles — as the engine decides it now: a DENY
 * removes what it denies, a conditional grant counts when its conditions hold.
 */
export const GET = genauthGet(schema, async ({ db, organization, params, req }) => {
  const namespace = await requireNamespace(db, organization, params.namespace);
  const user = await getUser(db, params.userId, "userId");
  const context = decisionContext(req, { UserId: user.id, Namespace: namespace.key });
  const found = await resourcesWithAccess(db, { subject: user.id, organization: organization.id, resourceType: namespace.key, context });
  const rows = new Map((await resourcesByIds(db, found.map((f) => f.id))).map((r) => [r.id, r]));
  const list: AuthorizedResource[] = found
    .map((f) => ({ f, r: rows.get(f.id)! }))
    .filter(({ r }) => !params.resourceType || kindOf(r) === params.resourceType)
    .map(({ f, r }) => ({
      resourceCode: r.externalId,
      resourceType: kindOf(r),
      description: r.description ?? "",
      apiIdentifier: genauthMetadata(r).apiIdentifier ?? "",
      actions: f.actions,
      effect: "ALLOW",
      condition: [],
    }));
  return { totalCount: list.length, list };
});
