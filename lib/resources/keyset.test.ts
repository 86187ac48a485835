import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { buildAssignmentModel, type AssignmentModel } from "@/lib/testing/assignment-model";
import { pageResources, resourcesByIds, rootsAmong } from "./keyset";

let conn: Connection;
let m: AssignmentModel;

before(async () => {
  conn = await openTestDatabase();
  m = await buildAssignmentModel(conn.db);
});
after(() => conn.close());

describe("resource pages for the WorkOS view", () => {
  test("filters by organization and parent, never lists organization roots, pages both ways", async () => {
    const all = await pageResources(conn.db, { organizationId: m.org.id }, { limit: 10, order: "asc" });
    assert.deepEqual(all.data.map((r) => r.externalId), ["ws1", "p1", "p2", "d1"]);
    const children = await pageResources(conn.db, { parentId: m.ws1.id }, { limit: 1, order: "desc" });
    assert.deepEqual([children.data[0].id, children.before, children.after], [m.p2.id, null, m.p2.id]);
    const older = await pageResources(conn.db, { parentId: m.ws1.id }, { limit: 1, order: "desc", after: children.after! });
    assert.deepEqual([older.data[0].id, older.before, older.after], [m.p1.id, m.p1.id, null]);
  });

  test("roots among ids, and rows by id in the order asked", async () => {
    assert.deepEqual([...(await rootsAmong(conn.db, [m.ws1.id, m.org.rootResourceId]))], [m.org.rootResourceId]);
    assert.deepEqual((await resourcesByIds(conn.db, [m.d1.id, "authz_resource_missing", m.ws1.id])).map((r) => r.id), [m.d1.id, m.ws1.id]);
  });
});
