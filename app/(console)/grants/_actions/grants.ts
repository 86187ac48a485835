"use server";

import { createGrant, revokeGrant } from "@/lib/grants/service";
import { lookupSubjects } from "@/lib/access/lookup";
import { getResource } from "@/lib/resources/service";
import { searchSubjects } from "@/lib/subjects/search";
import type { GrantEffect } from "@/components/grants/grant-effect";
import { consoleAction } from "../../_lib/action";

/** Grants change what every page shows about access; refresh them all. */
const revalidate = "/";
/** The effect panel lists this many people; the resource page lists them all. */
const EFFECT_USERS = 25;

/**
 * Saves the grant, then reads who can act on its target now, from the
 * engine at least as fresh as this write: the effect is visible at once.
 */
export async function createGrantAction(input: unknown) {
  return consoleAction(async ({ db, actor }) => {
    const { value: grant, revision } = await createGrant(db, actor, input);
    let effect: GrantEffect = { grantId: grant.id, effect: grant.effect as GrantEffect["effect"], revision, resource: null, users: [], more: false };
    if (grant.resourceId) {
      const resource = await getResource(db, grant.resourceId);
      const who = await lookupSubjects(db, { resource: resource.id, includeActions: true, limit: EFFECT_USERS, atLeastAsFresh: revision });
      effect = {
        ...effect,
        resource: { id: resource.id, organizationId: resource.organizationId, name: resource.name, type: resource.type, externalId: resource.externalId },
        users: who.data.map((u) => ({ id: u.userId, label: u.name ?? u.email ?? u.externalId ?? u.userId, actions: u.actions ?? [], direct: u.direct })),
        more: who.nextCursor !== null,
      };
    }
    return effect;
  }, { revalidate });
}

export async function revokeGrantAction(id: string) {
  return consoleAction(async ({ db, actor }) => {
    const { revision } = await revokeGrant(db, actor, id);
    return { revision };
  }, { revalidate });
}

export async function searchSubjectsAction(input: unknown) {
  return consoleAction(async ({ db }) => searchSubjects(db, input));
}
