/**
 * Export as tuples, from the decision engine's state at one revision: parents
 * before children, then group members, then role grants. Only what the tuple
 * format can say is exported; the first lines count what it cannot.
 */
import type { Database } from "@/db/client";
import { accessEngine } from "@/lib/access/engine";
import type { ResourceNode } from "@/lib/access/model";
import type { AccessState } from "@/lib/access/state";
import { formatTuple } from "./tuples";

/** type:externalId, or type:id where that pair exists in several organizations (import accepts both). */
function ref(state: AccessState, node: ResourceNode): [string, string] {
  if (node.parent) {
    const unique = state.resourcesNamed(node.typeKey, node.externalId).length === 1;
    return [node.typeKey, unique ? node.externalId : node.id];
  }
  const org = state.organizations.get(node.organizationId);
  return ["organization", org?.externalId ?? node.organizationId];
}

const userRef = (state: AccessState, id: string) => state.users.get(id)?.externalId ?? id;
const groupRef = (state: AccessState, id: string) => {
  const externalId = state.groups.get(id)?.externalId;
  return externalId && state.groupsByExternal.get(externalId)?.length === 1 ? externalId : id;
};

export async function* exportTuples(db: Database): AsyncGenerator<string> {
  const state = await accessEngine(db).fresh();
  const exportable = [...state.grants.values()].filter(
    (g) => g.effect === "allow" && g.roleId && g.resourceId && !g.conditions && (g.subjectType === "user" || g.subjectType === "group"),
  );
  yield `# Arbor export at revision ${state.revision}`;
  const skipped = state.grants.size - exportable.length;
  if (skipped) yield `# ${skipped} grants not expressible as tuples were left out (deny, patterns, conditions, action lists, department or role subjects)`;

  const roots = [...state.resources.values()].filter((n) => !n.parent);
  for (const root of roots) {
    const stack = [...(root.children ?? [])];
    while (stack.length) {
      const node = stack.pop()!;
      const [parentType, parentId] = ref(state, node.parent!);
      yield formatTuple({ objectType: node.typeKey, objectId: node.externalId, relation: "parent", subjectType: parentType, subjectId: parentId, subjectRelation: null });
      if (node.children) stack.push(...node.children);
    }
  }
  for (const [groupId, members] of state.groupUsers) {
    for (const userId of members) {
      yield formatTuple({ objectType: "group", objectId: groupRef(state, groupId), relation: "member", subjectType: "user", subjectId: userRef(state, userId), subjectRelation: null });
    }
  }
  for (const [groupId, members] of state.groupGroups) {
    for (const memberId of members) {
      yield formatTuple({ objectType: "group", objectId: groupRef(state, groupId), relation: "member", subjectType: "group", subjectId: groupRef(state, memberId), subjectRelation: "member" });
    }
  }
  for (const g of exportable) {
    const target = state.resources.get(g.resourceId!);
    const role = state.roles.get(g.roleId!);
    if (!target || !role) continue;
    const [type, id] = ref(state, target);
    const subjectId = g.subjectType === "user" ? userRef(state, g.subjectId) : groupRef(state, g.subjectId);
    yield formatTuple({ objectType: type, objectId: id, relation: role.slug, subjectType: g.subjectType, subjectId, subjectRelation: g.subjectType === "group" ? "member" : null });
  }
}
