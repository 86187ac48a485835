import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { asc, eq } from "drizzle-orm";
import type { Connection } from "@/db/client";
import { changeLog, resources } from "@/db/schema";
import { openTestDatabase } from "@/lib/testing/database";
import { currentRevision } from "@/lib/revisions/write";
import { ArborError } from "@/lib/shared/errors";
import { createResourceTypes } from "@/lib/resource-types/service";
import { createTypeRule } from "@/lib/resource-types/hierarchy";
import { createOrganization, type OrganizationView } from "@/lib/organizations/service";
import { changesAfter, rejects, rejectsWithoutWriting } from "./fixtures";
import { moveResource } from "./move";
import { createResource, deleteResource, resourceAncestors, updateResource, type ResourceView } from "./service";
import { MAX_DEPTH } from "./tree";

let conn: Connection;
let acme: OrganizationView;
let globex: OrganizationView;

const make = async (org: OrganizationView, type: string, externalId: string, parentId?: string) =>
  (await createResource(conn.db, "t", { organizationId: org.id, type, externalId, name: externalId, parentId })).value;

before(async () => {
  conn = await openTestDatabase();
  await createResourceTypes(conn.db, "t", [
    { key: "folder", name: "Folder" },
    { key: "document", name: "Document" },
    { key: "node", name: "Node" },
  ]);
  await createTypeRule(conn.db, "t", { parentTypeId: "folder", childTypeId: "document" });
  acme = (await createOrganization(conn.db, "t", { externalId: "acme", name: "Acme" })).value;
  globex = (await createOrganization(conn.db, "t", { externalId: "globex", name: "Globex" })).value;
});
after(() => conn.close());

describe("moving resources", () => {
  test("a move re-parents the whole subtree and records one update", async () => {
    const a = await make(acme, "folder", "a");
    const b = await make(acme, "folder", "b");
    const doc = await make(acme, "document", "doc", a.id);
    const { value, revision } = await moveResource(conn.db, "t", "folder:a", { parentId: "folder:b" });
    assert.equal(value.parentId, b.id);
    assert.deepEqual((await resourceAncestors(conn.db, doc.id)).map((r) => r.externalId), ["acme", "b", "a"]);
    const changes = await changesAfter(conn.db, revision - 1);
    assert.equal(changes.length, 1);
    assert.equal((changes[0].before as ResourceView).parentId, acme.rootResourceId);
    assert.equal((changes[0].after as ResourceView).parentId, b.id);
  });

  test("moving to the current parent changes nothing", async () => {
    const { revision } = await moveResource(conn.db, "t", "folder:a", { parentId: "folder:b" });
    assert.equal((await changesAfter(conn.db, revision - 1)).length, 0);
  });

  test("cycles are refused: not under itself, not under its own descendant", async () => {
    await rejectsWithoutWriting(conn.db, () => moveResource(conn.db, "t", "folder:b", { parentId: "folder:b" }), "validation", "parentId", "acyclic");
    await rejectsWithoutWriting(conn.db, () => moveResource(conn.db, "t", "folder:b", { parentId: "folder:a" }), "validation", "parentId", "acyclic");
    await rejects(updateResource(conn.db, "t", "folder:b", { parentId: "document:doc" }), "validation", "parentId", "acyclic");
  });

  test("type hierarchy rules hold on moves too", async () => {
    const loose = await make(acme, "node", "loose");
    await rejectsWithoutWriting(conn.db, () => moveResource(conn.db, "t", "document:doc", { parentId: loose.id }), "validation", "parentId", "type_hierarchy");
    await moveResource(conn.db, "t", "folder:b", { parentId: loose.id });
  });

  test("the root stays put and nothing moves across organizations", async () => {
    await rejects(moveResource(conn.db, "t", "organization:acme", { parentId: "folder:a" }), "validation", "parentId", "root");
    const foreign = await make(globex, "folder", "foreign");
    await rejects(moveResource(conn.db, "t", "folder:a", { parentId: foreign.id }), "validation", "parentId", "same_organization");
    await rejects(moveResource(conn.db, "t", "folder:a", { parentId: "folder:foreign" }, { organization: "acme" }), "not_found", "parentId");
    await rejects(moveResource(conn.db, "t", "folder:a", { parentId: "authz_resource_missing" }), "not_found", "parentId");
    await rejects(moveResource(conn.db, "t", "folder:a", {}), "validation", "parentId");
  });

  test(`moving a subtree deeper than ${MAX_DEPTH} levels is refused; moving it up is always fine`, async () => {
    let chainEnd = acme.rootResourceId;
    for (let i = 1; i <= MAX_DEPTH - 5; i++) chainEnd = (await make(acme, "node", `chain-${i}`, chainEnd)).id;
    let subtreeEnd = (await make(acme, "node", "tall-0")).id;
    for (let i = 1; i <= 5; i++) subtreeEnd = (await make(acme, "node", `tall-${i}`, subtreeEnd)).id;
    await rejectsWithoutWriting(conn.db, () => moveResource(conn.db, "t", "node:tall-0", { parentId: chainEnd }), "validation", "parentId", "max_depth");
    await moveResource(conn.db, "t", "node:tall-0", { parentId: `node:chain-${MAX_DEPTH - 6}` });
    await moveResource(conn.db, "t", "node:tall-0", { parentId: "node:chain-1" });
    await deleteResource(conn.db, "t", "node:chain-1", { cascade: true });
  });
});

/** A deterministic pseudo-random sequence, so a failure can be replayed. */
function random(seed: number) {
  let s = seed;
  return (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s % n;
  };
}

describe("concurrent writers on one subtree", () => {
  test("parallel moves, deletes, creates and renames leave no cycle, no orphan and no lost update", async () => {
    const { value: org } = await createOrganization(conn.db, "t", { externalId: "busy", name: "Busy" });
    const pick = random(42);
    const nodes: string[] = [(await make(org, "node", "n0")).id];
    for (let i = 1; i < 40; i++) nodes.push((await make(org, "node", `n${i}`, nodes[pick(nodes.length)])).id);
    const startRevision = await currentRevision(conn.db);

    const operations: (() => Promise<{ revision: number }>)[] = [];
    for (let i = 0; i < 120; i++) {
      const node = nodes[pick(nodes.length)];
      const other = nodes[pick(nodes.length)];
      const kind = pick(10);
      if (kind < 5) operations.push(() => moveResource(conn.db, "t", node, { parentId: other }));
      else if (kind < 6) operations.push(() => deleteResource(conn.db, "t", node, { cascade: true }));
      else if (kind < 8) operations.push(() => createResource(conn.db, "t", { organizationId: org.id, type: "node", externalId: `new-${i}`, name: `new-${i}`, parentId: node }));
      else operations.push(() => updateResource(conn.db, "t", node, { name: `renamed-${i}` }));
    }
    const results = await Promise.allSettled(operations.map((op) => op()));

    const failures = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason);
    for (const error of failures) assert.ok(error instanceof ArborError && error.kind !== "limit", `unexpected failure: ${error}`);
    const revisions = results.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<{ revision: number }>).value.revision);
    assert.equal(new Set(revisions).size, revisions.length, "every write got its own revision");
    assert.ok(revisions.length > 30, `enough operations succeeded (${revisions.length})`);

    const rows = await conn.db.select().from(resources).where(eq(resources.organizationId, org.id));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const root = rows.find((r) => r.parentId === null)!;
    for (const row of rows) {
      if (row.parentId === null) continue;
      const parent = byId.get(row.parentId);
      assert.ok(parent, `orphan: ${row.id}'s parent ${row.parentId} is gone`);
      assert.equal(parent.organizationId, row.organizationId);
      let at: typeof row | undefined = row;
      for (let steps = 0; at && at.id !== root.id; steps++) {
        assert.ok(steps <= MAX_DEPTH, `cycle or runaway depth above ${row.id}`);
        at = byId.get(at.parentId!);
      }
      assert.equal(at?.id, root.id, `${row.id} does not reach the root`);
    }

    // Replaying the change log from before the burst must give exactly the current rows: no update was lost.
    const replayed = new Map<string, { parentId: string | null; name: string } | null>();
    const base = await conn.db.select().from(changeLog).where(eq(changeLog.organizationId, org.id)).orderBy(asc(changeLog.id));
    for (const change of base.filter((c) => c.entityType === "resource")) {
      const after = change.after as { parentId: string | null; name: string } | null;
      replayed.set(change.entityId, change.operation === "delete" ? null : { parentId: after!.parentId, name: after!.name });
    }
    const live = [...replayed.entries()].filter(([, v]) => v !== null);
    assert.equal(live.length, rows.length, "the log and the table agree on which resources exist");
    for (const [id, state] of live) {
      const row = byId.get(id);
      assert.ok(row, `${id} is in the log but not in the table`);
      assert.deepEqual({ parentId: row.parentId, name: row.name }, state, `${id} differs from its last logged state`);
    }
    assert.equal(Math.max(...revisions), await currentRevision(conn.db));
    assert.ok(Math.min(...revisions) > startRevision);
  });
});
