/**
 * check, batch check and explain: validate, make the engine fresh, resolve
 * references in memory, decide. No database read beyond the freshness check.
 */
import type { Database } from "@/db/client";
import { ArborError, invalid, notFound, parseWith } from "@/lib/shared/errors";
import { ID_PREFIX } from "@/lib/shared/ids";
import { splitCompactRef } from "@/lib/shared/refs";
import { seesOrganization } from "@/lib/tenancy/rules";
import { parsePermissionKey } from "@/lib/permissions/schemas";
import type { CheckContext } from "@/lib/grants/conditions";
import { decide, pathDown, subjectChain, subjectSetIn, type Match } from "./decide";
import { accessEngine } from "./engine";
import type { ResourceNode } from "./model";
import { resolveResource, resolveSubject } from "./refs";
import { checkBatchSchema, checkSchema, explainSchema } from "./schemas";
import type { AccessState } from "./state";

export type CheckResult = { allowed: boolean; revision: number };

type Question = { subject: string; action: string; resource: string; organization?: string; context?: CheckContext };

/**
 * `document:read` names the action `read` on documents only. An action the
 * resource declares (GenAuth's `ecs:Start`) is taken literally.
 */
export function actionFor(action: string, node: ResourceNode): string | null {
  if (!action.includes(":") || node.actions?.includes(action)) return action;
  const key = parsePermissionKey(action);
  if (!key) return action;
  return key.resourceType === node.typeKey ? key.action : null;
}

function answer(state: AccessState, q: Question, collect: boolean) {
  const node = resolveResource(state, q.resource, q.organization, "resource");
  const subject = resolveSubject(state, q.subject, q.organization, "subject");
  const context = q.context ?? {};
  const subjects = subjectSetIn(state, subject, node.organizationId, context);
  const action = actionFor(q.action, node);
  const decision = action ? decide(state, subjects, action, node, context, collect) : { allowed: false, allow: [], deny: [] };
  return { node, subject, subjects, decision };
}

/** The same question asked of an already-fresh state (used by the bench's in-process figures and by lookups). */
export function checkIn(state: AccessState, q: Question): boolean {
  return answer(state, q, false).decision.allowed;
}

export async function check(db: Database, input: unknown): Promise<CheckResult> {
  const q = parseWith(checkSchema, input);
  const state = await accessEngine(db).fresh(q.atLeastAsFresh);
  return { allowed: checkIn(state, q), revision: state.revision };
}

/**
 * A check whose subject is an organization membership (the WorkOS family's):
 * asked as the membership's user within the membership's organization, so a
 * resource of another organization is not found. Answered from memory too.
 */
export async function checkAsMember(db: Database, q: { membership: string; action: string; resource: string; field: string }): Promise<CheckResult> {
  const state = await accessEngine(db).fresh();
  const id = q.membership.startsWith("membership:") ? q.membership.slice("membership:".length) : q.membership;
  const membership = state.memberships.get(id);
  if (!membership || !seesOrganization(membership.organizationId)) throw notFound("membership", id, "id");
  if (!q.resource.startsWith(ID_PREFIX.resource) && !splitCompactRef(q.resource)) {
    throw invalid(q.field, "format:resource_ref", `${q.field}: '${q.resource}' is neither a resource id nor type:externalId`);
  }
  const node = resolveResource(state, q.resource, membership.organizationId, q.field);
  if (node.organizationId !== membership.organizationId) throw notFound("resource", q.resource, q.field);
  return { allowed: checkIn(state, { subject: id, action: q.action, resource: node.id, organization: membership.organizationId }), revision: state.revision };
}

export type BatchItemResult = { allowed: boolean; error?: { code: string; message: string; field?: string } };

/** Up to 1000 checks against one state; a bad item answers with its own error instead of failing the batch. */
export async function checkBatch(db: Database, input: unknown): Promise<{ results: BatchItemResult[]; revision: number }> {
  const data = parseWith(checkBatchSchema, input);
  const state = await accessEngine(db).fresh(data.atLeastAsFresh);
  const results = data.checks.map((q): BatchItemResult => {
    try {
      return { allowed: checkIn(state, q) };
    } catch (error) {
      if (!(error instanceof ArborError)) throw error;
      return { allowed: false, error: { code: error.kind, message: error.message, field: error.field } };
    }
  });
  return { results, revision: state.revision };
}

const describe = (node: ResourceNode) => ({ id: node.id, type: node.typeKey, externalId: node.externalId });

export type Explanation = {
  allowed: boolean;
  decision: "allow" | "deny" | "no_grant";
  revision: number;
  subject: { type: string; id: string };
  resource: ReturnType<typeof describe>;
  deciding: ExplainedGrant[];
  /** Allow grants that matched but were overridden by a deny. */
  overridden: ExplainedGrant[];
};

type ExplainedGrant = {
  grantId: string;
  effect: "allow" | "deny";
  roleId: string | null;
  actions: string[] | null;
  resourcePattern: string | null;
  conditions: unknown[] | null;
  /** How the subject reaches the grant's subject, e.g. ["user:u", "group:g"]. */
  via: string[];
  /** From the grant's target down to the checked resource. */
  path: ReturnType<typeof describe>[];
};

export async function explain(db: Database, input: unknown): Promise<Explanation> {
  const q = parseWith(explainSchema, input);
  const state = await accessEngine(db).fresh(q.atLeastAsFresh);
  const { node, subject, subjects, decision } = answer(state, q, true);
  const explainMatch = (m: Match): ExplainedGrant => ({
    grantId: m.grant.id,
    effect: m.grant.effect,
    roleId: m.grant.roleId,
    actions: m.grant.actions,
    resourcePattern: m.grant.resourcePattern,
    conditions: m.grant.conditions,
    via: subjectChain(subjects, m.via),
    path: pathDown(m.target, node).map(describe),
  });
  const denied = decision.deny.length > 0;
  return {
    allowed: decision.allowed,
    decision: denied ? "deny" : decision.allowed ? "allow" : "no_grant",
    revision: state.revision,
    subject,
    resource: describe(node),
    deciding: (denied ? decision.deny : decision.allow).map(explainMatch),
    overridden: denied ? decision.allow.map(explainMatch) : [],
  };
}
