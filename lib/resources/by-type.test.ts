import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { createResourceType } from "@/lib/resource-types/service";
import { createOrganization, getOrganization } from "@/lib/organizations/service";
import { typeDefinedIn, typesDefinedIn } from "@/lib/resource-types/defined-in";
import { createResource } from "@/lib/resources/service";
import { numberedPage, resourcesByExternalIds, resourcesByIds } from "./by-type";

let conn: Connection;
let q: { organizationId: string; resourceTypeId: string };

before(async () => {
  conn = await openTestDatabase();
  const org = (await createOrganization(conn.db, "t", { externalId: "o", name: "O" })).value;
  const type = (await createResourceType(conn.db, "t", { key: "ns", name: "ns", scopeId: org.scopeId })).value;
  q = { organizationId: org.id, resourceTypeId: type.id };
  const kinds = [undefined, "API", "DATA", "API", "MENU"];
  for (const [i, kind] of kinds.entries()) {
    await createResource(conn.db, "t", { organizationId: "o", type: "ns", externalId: `r${i}`, name: `r${i}`, metadata: kind ? { genauth: { type: kind } } : undefined });
  }
});
after(() => conn.close());

test("numbered pages with a total, narrowed by a metadata value (missing counts as the default)", async () => {
  const kind = (equals: string) => ({ path: ["genauth", "type"], equals, whenMissing: "DATA" });
  const all = await numberedPage(conn.db, { ...q, page: 1, limit: 2 });
  assert.equal(all.totalCount, 5);
  assert.deepEqual(all.rows.map((r) => r.externalId), ["r0", "r1"]);
  assert.deepEqual((await numberedPage(conn.db, { ...q, page: 3, limit: 2 })).rows.map((r) => r.externalId), ["r4"]);
  const data = await numberedPage(conn.db, { ...q, metadata: kind("DATA"), page: 1, limit: 10 });
  assert.deepEqual([data.totalCount, data.rows.map((r) => r.externalId)], [2, ["r0", "r2"]]);
  assert.equal((await numberedPage(conn.db, { ...q, metadata: kind("API"), page: 1, limit: 10 })).totalCount, 2);
});

test("by external ids and by ids; unknown ones are left out", async () => {
  const found = await resourcesByExternalIds(conn.db, { ...q, externalIds: ["r3", "r1", "nope", "r1"] });
  assert.deepEqual(found.map((r) => r.externalId), ["r1", "r3"]);
  assert.deepEqual((await resourcesByIds(conn.db, [found[0].id, "authz_resource_x"])).map((r) => r.externalId), ["r1"]);
});

test("types defined in a scope itself, not inherited (lib/resource-types/defined-in.ts)", async () => {
  const { scopeId } = await getOrganization(conn.db, "o");
  assert.deepEqual((await typesDefinedIn(conn.db, scopeId)).map((t) => t.key), ["ns"]);
  assert.equal((await typeDefinedIn(conn.db, scopeId, "ns"))?.id, q.resourceTypeId);
  assert.equal(await typeDefinedIn(conn.db, scopeId, "organization"), undefined, "defined in the root scope, not here");
});
