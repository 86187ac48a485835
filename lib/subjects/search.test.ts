import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { seedDemo, type DemoSummary } from "@/lib/demo/seed";
import { createOrganization } from "@/lib/organizations/service";
import { createGroup } from "./groups";
import { subjectLabels } from "./labels";
import { searchSubjects } from "./search";

let conn: Connection;
let demo: DemoSummary;

before(async () => {
  conn = await openTestDatabase();
  demo = await seedDemo(conn.db, "test");
});
after(() => conn.close());

test("one search finds users, the organization's groups and departments, and roles, but not other organizations' groups", async () => {
  const other = (await createOrganization(conn.db, "test", { externalId: "other", name: "Other" })).value;
  await createGroup(conn.db, "test", { organizationId: other.id, externalId: "engineering-other", name: "Engineering elsewhere" });
  await createGroup(conn.db, "test", { externalId: "engineering-all", name: "Engineering (all organizations)" });
  const hits = await searchSubjects(conn.db, { organization: demo.organizationId, search: "engineer" });
  assert.deepEqual(hits.map((h) => `${h.type}:${h.label}`).sort(), ["department:Product & Engineering", "group:Engineering", "group:Engineering (all organizations)"]);
  const roles = await searchSubjects(conn.db, { organization: demo.organizationId, search: "edit", kinds: ["role"] });
  assert.deepEqual(roles.map((h) => h.label), ["editor"]);
  const people = await searchSubjects(conn.db, { organization: demo.organizationId, search: "northwind.example", kinds: ["user"] });
  assert.equal(people.length, 4);
});

test("labels name each subject as people know it", async () => {
  const [alice] = await searchSubjects(conn.db, { organization: demo.organizationId, search: "Alice", kinds: ["user"] });
  const [team] = await searchSubjects(conn.db, { organization: demo.organizationId, search: "Platform", kinds: ["group"] });
  const labels = await subjectLabels(conn.db, [alice, team, { type: "user", id: "user_missing" }]);
  assert.equal(labels.get(`user:${alice.id}`), "Alice Chen");
  assert.equal(labels.get(`group:${team.id}`), "Platform team");
  assert.equal(labels.has("user:user_missing"), false);
});
