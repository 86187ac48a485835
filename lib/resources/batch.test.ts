import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { ArborError } from "@/lib/shared/errors";
import { createResourceType } from "@/lib/resource-types/service";
import { createOrganization } from "@/lib/organizations/service";
import { listResources } from "./service";
import { createResources } from "./batch";

let conn: Connection;
before(async () => {
  conn = await openTestDatabase();
  await createOrganization(conn.db, "t", { externalId: "o", name: "O" });
  await createResourceType(conn.db, "t", { key: "book", name: "Book" });
});
after(() => conn.close());

test("a batch is created whole, or not at all (the bad item named by its index)", async () => {
  const item = (externalId: string) => ({ organizationId: "o", type: "book", externalId, name: externalId });
  const { value } = await createResources(conn.db, "t", [item("b1"), item("b2")]);
  assert.deepEqual(value.map((r) => r.externalId), ["b1", "b2"]);
  await assert.rejects(createResources(conn.db, "t", [item("b3"), item("b1")]), (e: unknown) => e instanceof ArborError && e.kind === "conflict" && e.issues[0].field === "[1].externalId");
  const all = await listResources(conn.db, { organization: "o", type: "book" });
  assert.deepEqual(all.data.map((r) => r.externalId), ["b1", "b2"]);
});
