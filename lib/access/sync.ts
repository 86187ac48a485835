/**
 * Keeps an AccessState at the database's latest revision by replaying the
 * change log: resources, grants and users row by row, the small areas
 * (definitions, groups, departments, memberships) whole. A bulk import, or a
 * very long backlog, reloads everything instead.
 */
import { asc, gt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { changeLog } from "@/db/schema";
import { currentRevision } from "@/lib/revisions/write";
import {
  loadAll,
  loadDefinitions,
  loadDepartments,
  loadGrants,
  loadGroups,
  loadMemberships,
  loadOrganizations,
  loadResources,
  loadUsers,
} from "./load";
import { AccessState } from "./state";

const REPLAY_LIMIT = 20_000;
const DEFINITIONS = new Set(["scope", "resource_type", "type_rule", "permission", "role"]);

export async function loadState(db: Database): Promise<AccessState> {
  const state = new AccessState();
  await db.transaction(
    async (tx) => {
      state.revision = await currentRevision(tx);
      await loadAll(tx, state);
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  return state;
}

/** Brings the state up to the latest committed revision; returns the state to use (a new one after a full reload). */
export async function syncState(db: Database, state: AccessState): Promise<AccessState> {
  let reload = false;
  await db.transaction(
    async (tx) => {
      const latest = await currentRevision(tx);
      if (latest <= state.revision) return;
      const changes = await tx
        .select({ entityType: changeLog.entityType, entityId: changeLog.entityId })
        .from(changeLog)
        .where(gt(changeLog.revision, state.revision))
        .orderBy(asc(changeLog.id))
        .limit(REPLAY_LIMIT + 1);
      if (changes.length > REPLAY_LIMIT || changes.some((c) => c.entityType === "import")) {
        reload = true;
        return;
      }
      const ids = (type: string) => [...new Set(changes.filter((c) => c.entityType === type).map((c) => c.entityId))];
      const touched = new Set(changes.map((c) => c.entityType));
      if ([...touched].some((t) => DEFINITIONS.has(t))) await loadDefinitions(tx, state);
      if (touched.has("organization")) await loadOrganizations(tx, state, ids("organization"));
      if (touched.has("user")) await loadUsers(tx, state, ids("user"));
      if (touched.has("membership")) await loadMemberships(tx, state);
      if (touched.has("group") || touched.has("group_member")) await loadGroups(tx, state);
      if (touched.has("department") || touched.has("department_member")) await loadDepartments(tx, state);
      if (touched.has("resource")) await loadResources(tx, state, ids("resource"));
      if (touched.has("grant")) await loadGrants(tx, state, ids("grant"));
      state.revision = latest;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
  return reload ? loadState(db) : state;
}
