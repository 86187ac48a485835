/**
 * Decisions about declared actions, taken literally. A check reads
 * `document:read` as a permission key (action `read`, on documents only), but
 * the declared actions of GenAuth resources (`ecs:Start`) contain a colon
 * too and name the action itself. These entry points hand the action to
 * `decide` unchanged, so the rules stay the engine's own.
 */
import { z } from "zod";
import type { Database } from "@/db/client";
import { parseWith } from "@/lib/shared/errors";
import { contextSchema, type CheckContext } from "@/lib/grants/conditions";
import { declaredActionSchema } from "@/lib/resources/schemas";
import { decide, subjectSetIn, type SubjectSet } from "./decide";
import { accessEngine } from "./engine";
import { effectiveActionsIn, grantTargets } from "./lookup";
import type { ResourceNode } from "./model";
import { resolveOrganization, resolveResource, resolveSubject } from "./refs";
import type { AccessState } from "./state";

const ref = z.string().min(1).max(400);

const declaredCheckSchema = z
  .object({ subject: ref, action: declaredActionSchema, resource: ref, organization: ref.optional(), context: contextSchema.optional() })
  .strict();

/** May the subject take this action (literally, e.g. `ecs:Start` or `*`) on the resource? */
export async function isDeclaredActionAllowed(db: Database, input: unknown): Promise<{ allowed: boolean; revision: number }> {
  const q = parseWith(declaredCheckSchema, input);
  const state = await accessEngine(db).fresh();
  const node = resolveResource(state, q.resource, q.organization, "resource");
  const subjects = subjectSetIn(state, resolveSubject(state, q.subject, q.organization, "subject"), node.organizationId, q.context ?? {});
  return { allowed: decide(state, subjects, q.action, node, q.context ?? {}).allowed, revision: state.revision };
}

const resourcesWithAccessSchema = z
  .object({ subject: ref, organization: ref, resourceType: z.string().min(1).max(64).optional(), context: contextSchema.optional() })
  .strict();

export type ResourceWithAccess = { id: string; type: string; externalId: string; actions: string[] };

/** The allowed actions, each confirmed by a decision; `*` itself when a grant of every action is in force. */
function allowedActions(state: AccessState, subjects: SubjectSet, node: ResourceNode, context: CheckContext): string[] {
  const actions = effectiveActionsIn(state, subjects, node, context);
  return decide(state, subjects, "*", node, context).allowed ? ["*", ...actions] : actions;
}

/**
 * Every resource of the organization on which the subject may take some
 * action — through its own grants, its groups', its departments' or those of
 * the roles it holds — with those actions. Candidates come from the grants
 * of the expanded subject; every action is confirmed by a decision, so a
 * deny wins here exactly as in a check.
 */
export async function resourcesWithAccess(db: Database, input: unknown): Promise<ResourceWithAccess[]> {
  const q = parseWith(resourcesWithAccessSchema, input);
  const state = await accessEngine(db).fresh();
  const organizationId = resolveOrganization(state, q.organization);
  const context = q.context ?? {};
  const subjects = subjectSetIn(state, resolveSubject(state, q.subject, organizationId, "subject"), organizationId, context);
  const candidates = new Map<string, ResourceNode>();
  for (const key of subjects.keys()) {
    for (const grant of state.grantsBySubject.get(key) ?? []) {
      if (grant.organizationId !== organizationId || grant.effect !== "allow") continue;
      for (const node of grantTargets(state, grant)) if (!q.resourceType || node.typeKey === q.resourceType) candidates.set(node.id, node);
    }
  }
  const out: ResourceWithAccess[] = [];
  for (const node of candidates.values()) {
    const actions = allowedActions(state, subjects, node, context);
    if (actions.length) out.push({ id: node.id, type: node.typeKey, externalId: node.externalId, actions });
  }
  return out.sort((a, b) => (a.externalId < b.externalId ? -1 : a.externalId > b.externalId ? 1 : 0));
}
