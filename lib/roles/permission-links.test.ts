import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { buildAssignmentModel, type AssignmentModel } from "@/lib/testing/assignment-model";
import { changesAfter, rejects } from "@/lib/resources/fixtures";
import { currentRevision } from "@/lib/revisions/write";
import { getRole } from "./service";
import { addRolePermission, removeRolePermission } from "./permission-links";

let conn: Connection;
let m: AssignmentModel;

before(async () => {
  conn = await openTestDatabase();
  m = await buildAssignmentModel(conn.db);
});
after(() => conn.close());

describe("one permission of a role at a time", () => {
  test("adding is recorded once; adding again changes nothing", async () => {
    const before = await currentRevision(conn.db);
    const added = (await addRolePermission(conn.db, "t", m.roles.pjEditor.id, "document:view")).value;
    assert.deepEqual(added.permissions, ["document:view:*", "project:edit:*", "project:view:*"]);
    const changes = await changesAfter(conn.db, before);
    assert.deepEqual(changes.map((c) => [c.operation, c.entityType, c.entityId]), [["update", "role", m.roles.pjEditor.id]]);
    const again = (await addRolePermission(conn.db, "t", m.roles.pjEditor.id, "document:view:*")).value;
    assert.deepEqual(again.permissions, added.permissions);
    assert.equal((await changesAfter(conn.db, before)).length, 1, "a no-op records nothing");
  });

  test("removing takes one permission out; one the role lacks, or an unknown key, is not found", async () => {
    await removeRolePermission(conn.db, "t", m.roles.pjEditor.id, "document:view");
    assert.deepEqual((await getRole(conn.db, m.roles.pjEditor.id)).permissions, ["project:edit:*", "project:view:*"]);
    await rejects(removeRolePermission(conn.db, "t", m.roles.pjEditor.id, "document:view", "slug"), "not_found", "slug");
    await rejects(addRolePermission(conn.db, "t", m.roles.pjEditor.id, "document:fly", "slug"), "not_found", "slug");
  });
});
