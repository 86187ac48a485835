import { z } from "zod";
import { limitExceeded } from "@/lib/shared/errors";
import { setActionGrants, type ActionSet } from "@/lib/grants/action-sets";
import { done, genauthPost } from "../_genauth/adapter";
import { conditionsParam, EFFECTS, grantTarget } from "../_genauth/authorized";
import { requireNamespace } from "../_genauth/namespaces";
import { grantCode, optionalNamespace, resourceKind, targetType } from "../_genauth/params";
import { resourceInput } from "../_genauth/resources";
import { subjectOf } from "../_genauth/targets";

const resourceItem = z.object({
  code: grantCode,
  actions: z.array(z.string().min(1).max(128)).min(1).max(50),
  resourceType: resourceKind,
  // Beyond the hosted API (docs/compat-genauth.md): a DENY, and conditions.
  effect: z.enum(["ALLOW", "DENY"]).default("ALLOW"),
  conditions: conditionsParam.optional(),
});

/** Not documented by GenAuth: every call is one transaction, so its size is bounded (10 × 100 × 1 fits). */
const MAX_GRANTS_PER_CALL = 1000;

const schema = z.object({
  namespace: optionalNamespace,
  list: z
    .array(z.object({ targetType, targetIdentifiers: z.array(z.string().min(1).max(256)).min(1).max(100), resources: z.array(resourceItem).min(1).max(50) }))
    .min(1)
    .max(10),
});

/**
 * Sets, for every target × resource, the actions the target holds there with
 * that effect (replacing what it held before). A code that names no resource
 * yet creates it, as GenAuth does not require codes to exist. One
 * transaction: an unknown target or a bad action changes nothing.
 */
export const POST = genauthPost(
  schema,
  async ({ db, actor, organization, params }) => {
    const total = params.list.reduce((n, item) => n + item.targetIdentifiers.length * item.resources.length, 0);
    if (total > MAX_GRANTS_PER_CALL) throw limitExceeded("list", `list: at most ${MAX_GRANTS_PER_CALL} target × resource pairs per call (got ${total})`);
    const namespace = await requireNamespace(db, organization, params.namespace);
    const subjects = new Map<string, string>();
    const sets: ActionSet[] = [];
    for (const [i, item] of params.list.entries()) {
      for (const [j, identifier] of item.targetIdentifiers.entries()) {
        const key = `${item.targetType}:${identifier}`;
        const subject = subjects.get(key) ?? (await subjectOf(db, organization, namespace.key, item.targetType, identifier, `list.${i}.targetIdentifiers.${j}`));
        subjects.set(key, subject);
        for (const r of item.resources) {
          const target = grantTarget(namespace, r.code);
          sets.push({
            grant: { subject, organization: organization.id, ...target, actions: r.actions, effect: EFFECTS[r.effect], conditions: r.conditions },
            resource: "resource" in target ? resourceInput(organization, namespace, { code: r.code, type: r.resourceType }) : undefined,
          });
        }
      }
    }
    await setActionGrants(db, actor, sets);
    return done;
  },
  { write: true },
);
