import { z } from "zod";
import { contextSchema } from "@/lib/grants/conditions";
import { isDeclaredActionAllowed } from "@/lib/access/declared-actions";
import { getUser } from "@/lib/subjects/users";
import { genauthPost } from "../_genauth/adapter";
import { decisionContext } from "../_genauth/authorized";
import { requireNamespace } from "../_genauth/namespaces";
import { optionalNamespace, resourceCode } from "../_genauth/params";
import { findResources } from "../_genauth/resources";

const schema = z.object({
  userId: z.string().min(1).max(256),
  action: z.string().min(1).max(128),
  resource: resourceCode,
  namespace: optionalNamespace,
  // Beyond the hosted API: values the grants' conditions may read (docs/compat-genauth.md).
  context: contextSchema.optional(),
});

/** The engine's decision: the user's own grants and those of its groups, departments and roles; a DENY wins. An unknown resource is not allowed. */
export const POST = genauthPost(schema, async ({ db, organization, params, req }) => {
  const namespace = await requireNamespace(db, organization, params.namespace);
  const user = await getUser(db, params.userId, "userId");
  const [resource] = await findResources(db, organization, namespace, [params.resource]);
  if (!resource) return { allowed: false };
  const context = decisionContext(req, { UserId: user.id, Namespace: namespace.key }, params.context);
  const { allowed } = await isDeclaredActionAllowed(db, { subject: user.id, action: params.action, resource: resource.id, organization: organization.id, context });
  return { allowed };
});
