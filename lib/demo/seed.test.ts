import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { currentRevision } from "@/lib/revisions/write";
import { check, explain } from "@/lib/access/check";
import { lookupSubjects } from "@/lib/access/lookup";
import { listChildren } from "@/lib/resources/service";
import { getOrganizationView } from "@/lib/organizations/service";
import { ArborError } from "@/lib/shared/errors";
import { DEMO_ORGANIZATION, seedDemo, type DemoSummary } from "./seed";

let conn: Connection;
let demo: DemoSummary;

before(async () => {
  conn = await openTestDatabase();
  demo = await seedDemo(conn.db, "test");
});
after(() => conn.close());

test("the demo organization has its tree, teams and grants, and they decide access", async () => {
  const org = await getOrganizationView(conn.db, DEMO_ORGANIZATION.externalId);
  const workspaces = await listChildren(conn.db, org.rootResourceId, {});
  assert.deepEqual(workspaces.data.map((w) => w.name).sort(), ["Engineering", "Handbook", "Marketing"]);
  const ask = (subject: string, action: string, resource: string, context?: Record<string, string>) =>
    check(conn.db, { subject, action, resource, organization: demo.organizationId, context }).then((r) => r.allowed);
  // Bob is in the platform team, nested in engineering: editor on the workspace, but the deny on architecture wins.
  assert.equal(await ask("user:demo-bob", "update", "document:doc-service-map"), true);
  assert.equal(await ask("user:demo-bob", "delete", "document:doc-service-map"), false);
  assert.equal(await ask("user:demo-alice", "delete", "document:doc-roadmap"), true);
  // The contractor reads the mobile project only from the office network.
  assert.equal(await ask("user:demo-dave", "read", "document:doc-release-checklist", { ip: "10.1.2.3" }), true);
  assert.equal(await ask("user:demo-dave", "read", "document:doc-release-checklist", { ip: "192.0.2.1" }), false);
  // Erin reads every page through the pattern grant.
  assert.equal(await ask("user:demo-erin", "read", "page:page-landing"), true);

  const why = await explain(conn.db, { subject: "user:demo-bob", action: "delete", resource: "document:doc-adr-001", organization: demo.organizationId });
  assert.equal(why.decision, "deny");
  assert.deepEqual(why.deciding[0].path.map((p) => p.externalId), ["fld-architecture", "doc-adr-001"]);

  const who = await lookupSubjects(conn.db, { resource: "document:doc-expenses", action: "update", organization: demo.organizationId });
  assert.deepEqual(who.data.map((u) => u.externalId), ["demo-erin"]);
});

test("loading the demo twice is refused and writes nothing", async () => {
  const revision = await currentRevision(conn.db);
  await assert.rejects(seedDemo(conn.db, "test"), (e: unknown) => e instanceof ArborError && e.kind === "conflict" && /already loaded/.test(e.message));
  assert.equal(await currentRevision(conn.db), revision);
});
