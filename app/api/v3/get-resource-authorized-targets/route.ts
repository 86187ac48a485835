import { z } from "zod";
import { genauthPost } from "../_genauth/adapter";
import { allGrants } from "../_genauth/authorized";
import { requireNamespace } from "../_genauth/namespaces";
import { optionalNamespace, paged, pageParams, targetType } from "../_genauth/params";
import { requireResource } from "../_genauth/resources";
import { SUBJECT_TYPE, targetOf } from "../_genauth/targets";

const schema = z.object({ resource: z.string().min(1).max(256), namespace: optionalNamespace, targetType: targetType.optional(), ...pageParams });

/** Who was authorized on exactly this code: ALLOW action grants, actions merged per principal. */
export const POST = genauthPost(schema, async ({ db, organization, params }) => {
  const namespace = await requireNamespace(db, organization, params.namespace);
  const resource = await requireResource(db, organization, namespace, params.resource, "resource");
  const grants = await allGrants(db, { organization: organization.id, resource: resource.id, effect: "allow" });
  const wanted = params.targetType ? SUBJECT_TYPE[params.targetType] : undefined;
  const actionsBySubject = new Map<string, { subjectType: string; subjectId: string; actions: Set<string> }>();
  for (const g of grants) {
    if (!g.actions || (wanted && g.subjectType !== wanted)) continue;
    const key = `${g.subjectType}:${g.subjectId}`;
    const entry = actionsBySubject.get(key) ?? { subjectType: g.subjectType, subjectId: g.subjectId, actions: new Set<string>() };
    for (const a of g.actions) entry.actions.add(a);
    actionsBySubject.set(key, entry);
  }
  const targets = await Promise.all(
    [...actionsBySubject.values()].map(async (e) => ({ ...(await targetOf(db, e.subjectType, e.subjectId)), actions: [...e.actions].sort() })),
  );
  return paged(targets, params);
});
