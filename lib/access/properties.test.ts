/**
 * Property-based tests: random trees, groups and grants, checked against a
 * small reference evaluator written independently of the engine.
 * - check agrees with the reference (so deny overrides allow, groups nest,
 *   grants inherit down the tree);
 * - lookup resources / lookup subjects agree with check;
 * - moving a subtree moves its inherited access;
 * - a cascade delete leaves no orphan grants.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { eq } from "drizzle-orm";
import type { Connection } from "@/db/client";
import { grants, resources } from "@/db/schema";
import { openTestDatabase } from "@/lib/testing/database";
import { createResourceTypes } from "@/lib/resource-types/service";
import { createPermissions } from "@/lib/permissions/service";
import { createRole } from "@/lib/roles/service";
import { createOrganization, getOrganization } from "@/lib/organizations/service";
import { createResource, deleteResource } from "@/lib/resources/service";
import { moveResource } from "@/lib/resources/move";
import { createUser } from "@/lib/subjects/users";
import { addGroupMember, createGroup } from "@/lib/subjects/groups";
import { createGrant } from "@/lib/grants/service";
import { check } from "./check";
import { lookupResources, lookupSubjects } from "./lookup";

const ACTIONS = ["read", "write"] as const;
const ROLE_ACTIONS: Record<string, string[]> = { reader: ["read"], writer: ["read", "write"] };

type World = {
  parents: number[]; // parents[i] < i, -1 = the organization root
  users: number;
  groupUsers: number[][]; // direct user members per group
  groupParents: number[]; // group i is a member of group groupParents[i] (> i), or -1
  grants: { subject: ["user" | "group", number]; role?: string; actions?: readonly string[]; target: number; deny: boolean }[];
};

const world: fc.Arbitrary<World> = fc
  .record({ resources: fc.integer({ min: 2, max: 10 }), users: fc.integer({ min: 1, max: 4 }), groups: fc.integer({ min: 0, max: 3 }) })
  .chain(({ resources: n, users, groups }) =>
    fc.record({
      parents: fc.tuple(...Array.from({ length: n }, (_, i) => (i === 0 ? fc.constant(-1) : fc.integer({ min: -1, max: i - 1 })))),
      users: fc.constant(users),
      groupUsers: fc.tuple(...Array.from({ length: groups }, () => fc.uniqueArray(fc.integer({ min: 0, max: users - 1 }), { maxLength: users }))),
      groupParents: fc.tuple(...Array.from({ length: groups }, (_, i) => (i === groups - 1 ? fc.constant(-1) : fc.integer({ min: -1, max: groups - 1 }).map((p) => (p > i ? p : -1))))),
      grants: fc.array(
        fc.record({
          subject: groups ? fc.oneof(fc.tuple(fc.constant("user" as const), fc.integer({ min: 0, max: users - 1 })), fc.tuple(fc.constant("group" as const), fc.integer({ min: 0, max: groups - 1 }))) : fc.tuple(fc.constant("user" as const), fc.integer({ min: 0, max: users - 1 })),
          role: fc.option(fc.constantFrom("reader", "writer"), { nil: undefined }),
          actions: fc.constantFrom(["read"], ["write"], ["read", "write"], ["*"]),
          target: fc.integer({ min: 0, max: n - 1 }),
          deny: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
        }).map((g) => (g.role ? { ...g, actions: undefined } : { ...g, role: undefined })),
        { minLength: 1, maxLength: 8 },
      ),
    }),
  );

/** The reference evaluator: the SPEC's rules, spelled out naively. */
function reference(w: World, parents: number[], alive: Set<number>, user: number, action: string, resource: number): boolean {
  const groups = new Set<number>();
  w.groupUsers.forEach((members, g) => members.includes(user) && groups.add(g));
  for (let grew = true; grew; ) {
    grew = false;
    w.groupParents.forEach((p, g) => {
      if (p >= 0 && groups.has(g) && !groups.has(p)) grew = groups.add(p) !== null;
    });
  }
  let allow = false;
  for (let x = resource; x >= 0; x = parents[x]) {
    for (const g of w.grants) {
      if (g.target !== x || !alive.has(x)) continue;
      const subjectOk = g.subject[0] === "user" ? g.subject[1] === user : groups.has(g.subject[1]);
      const coversAction = g.role ? ROLE_ACTIONS[g.role].includes(action) : g.actions!.includes(action) || g.actions!.includes("*");
      if (!subjectOk || !coversAction) continue;
      if (g.deny) return false;
      allow = true;
    }
  }
  return allow;
}

let conn: Connection;
let run = 0;

before(async () => {
  conn = await openTestDatabase();
  await createResourceTypes(conn.db, "t", [{ key: "node", name: "Node" }]);
  await createPermissions(conn.db, "t", [{ action: "read", resourceType: "node" }, { action: "write", resourceType: "node" }]);
  await createRole(conn.db, "t", { slug: "reader", name: "Reader", permissions: ["node:read"] });
  await createRole(conn.db, "t", { slug: "writer", name: "Writer", permissions: ["node:write"], includes: ["reader"] });
});
after(() => conn.close());

test("check, lookups, moves and cascade deletes agree with the reference model", async () => {
  await fc.assert(
    fc.asyncProperty(world, fc.nat(), async (w, seed) => {
      const db = conn.db;
      const org = `org-p${++run}`;
      const u = (i: number) => `p${run}-u${i}`;
      const r = (i: number) => `node:p${run}-r${i}`;
      const g = (i: number) => `p${run}-g${i}`;
      await createOrganization(db, "t", { externalId: org, name: org });
      for (let i = 0; i < w.parents.length; i++) {
        await createResource(db, "t", { organizationId: org, type: "node", externalId: r(i).slice(5), name: `r${i}`, ...(w.parents[i] >= 0 ? { parentId: r(w.parents[i]) } : {}) });
      }
      for (let i = 0; i < w.users; i++) await createUser(db, "t", { externalId: u(i) });
      for (let i = 0; i < w.groupUsers.length; i++) await createGroup(db, "t", { organizationId: org, externalId: g(i), name: g(i) });
      for (let i = 0; i < w.groupUsers.length; i++) {
        for (const m of w.groupUsers[i]) await addGroupMember(db, "t", g(i), { type: "user", id: u(m) }, { organization: org });
        if (w.groupParents[i] >= 0) await addGroupMember(db, "t", g(w.groupParents[i]), { type: "group", id: g(i) }, { organization: org });
      }
      const seen = new Set<string>();
      for (const grant of w.grants) {
        const key = JSON.stringify(grant);
        if (seen.has(key)) continue;
        seen.add(key);
        await createGrant(db, "t", {
          subject: grant.subject[0] === "user" ? `user:${u(grant.subject[1])}` : `group:${g(grant.subject[1])}`,
          ...(grant.role ? { role: grant.role } : { actions: [...grant.actions!] }),
          resource: r(grant.target),
          organization: org,
          effect: grant.deny ? "deny" : "allow",
        });
      }

      const parents = [...w.parents];
      const alive = new Set(parents.map((_, i) => i));
      const verify = async (label: string) => {
        for (const action of ACTIONS) {
          for (let user = 0; user < w.users; user++) {
            const expected = [...alive].filter((res) => reference(w, parents, alive, user, action, res)).map(r).sort();
            for (const res of alive) {
              const got = (await check(db, { subject: `user:${u(user)}`, action, resource: r(res), organization: org })).allowed;
              assert.equal(got, expected.includes(r(res)), `${label}: check ${u(user)} ${action} ${r(res)}`);
            }
            const found = await lookupResources(db, { subject: `user:${u(user)}`, action, organization: org, limit: 1000 });
            assert.deepEqual(found.data.map((x) => `node:${x.externalId}`).sort(), expected, `${label}: lookup resources ${u(user)} ${action}`);
          }
          for (const res of alive) {
            const expectedUsers = Array.from({ length: w.users }, (_, i) => i).filter((user) => reference(w, parents, alive, user, action, res)).map(u).sort();
            const found = await lookupSubjects(db, { resource: r(res), action, organization: org, limit: 1000, includeActions: false });
            assert.deepEqual(found.data.map((s) => s.externalId).sort(), expectedUsers, `${label}: lookup subjects ${r(res)} ${action}`);
          }
        }
      };
      await verify("initial");

      // Move a random non-first resource under a resource outside its own subtree.
      const inSubtree = (x: number, root: number) => {
        for (let y = x; y >= 0; y = parents[y]) if (y === root) return true;
        return false;
      };
      const mover = 1 + (seed % (parents.length - 1));
      const targets = [...alive].filter((x) => !inSubtree(x, mover));
      if (targets.length) {
        const target = targets[seed % targets.length];
        await moveResource(db, "t", r(mover), { parentId: r(target) }, { organization: org });
        parents[mover] = target;
        await verify("after move");
      }

      // Cascade-delete a subtree: its resources and every grant on them go.
      const victim = 1 + ((seed >> 3) % (parents.length - 1));
      await deleteResource(db, "t", r(victim), { organization: org, cascade: true });
      for (const x of [...alive]) if (inSubtree(x, victim)) alive.delete(x);
      const orgId = (await getOrganization(db, org)).id;
      const rows = await db.select({ grantId: grants.id, resourceId: resources.id }).from(grants).leftJoin(resources, eq(resources.id, grants.resourceId)).where(eq(grants.organizationId, orgId));
      assert.ok(rows.every((row) => row.resourceId !== null), "no grant points at a deleted resource");
      await verify("after cascade delete");
    }),
    { numRuns: 12 },
  );
});

