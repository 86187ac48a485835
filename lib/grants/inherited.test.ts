import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { seedDemo, type DemoSummary } from "@/lib/demo/seed";
import { getResource } from "@/lib/resources/service";
import { createGrant } from "./service";
import { inheritedGrants } from "./inherited";

let conn: Connection;
let demo: DemoSummary;
const id = async (ref: string) => (await getResource(conn.db, ref, { organization: demo.organizationId })).id;

before(async () => {
  conn = await openTestDatabase();
  demo = await seedDemo(conn.db, "test");
});
after(() => conn.close());

test("a resource inherits the grants of its ancestors, nearest first, each naming where it comes from", async () => {
  const adr = await id("document:doc-adr-001");
  const { data, truncated } = await inheritedGrants(conn.db, adr);
  assert.equal(truncated, false);
  const summary = data.map((g) => `${g.source.externalId}:${g.role ?? g.actions?.join(",")}:${g.effect}`);
  assert.deepEqual(summary, ["fld-architecture:delete:deny", "ws-engineering:editor:allow", "ws-engineering:owner:allow"]);
  assert.ok(data.every((g) => !g.viaPattern));
});

test("pattern grants count when they match the resource or an ancestor, and the resource's own grants do not", async () => {
  const landing = await id("page:page-landing");
  const comment = await createGrant(conn.db, "test", { subject: "group:marketing", actions: ["update"], resource: landing, organization: demo.organizationId });
  const { data } = await inheritedGrants(conn.db, landing);
  const pattern = data.find((g) => g.viaPattern);
  assert.equal(pattern?.resourcePattern, "page:*");
  assert.equal(pattern?.source.id, landing);
  assert.ok(!data.some((g) => g.id === comment.value.id));
  assert.deepEqual(data.filter((g) => !g.viaPattern).map((g) => g.source.externalId), ["ws-marketing"]);
});

test("the organization's root inherits nothing", async () => {
  const root = await getResource(conn.db, `organization:northwind`);
  assert.deepEqual((await inheritedGrants(conn.db, root.id)).data, []);
});
