import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { createResourceTypes } from "@/lib/resource-types/service";
import { createOrganization, type OrganizationView } from "@/lib/organizations/service";
import { rejects } from "./fixtures";
import { resolveResourceRef } from "./refs";
import { createResource, type ResourceView } from "./service";

let conn: Connection;
let acme: OrganizationView;
let globex: OrganizationView;
let acmeDoc: ResourceView;
let globexDoc: ResourceView;
let colonDoc: ResourceView;

before(async () => {
  conn = await openTestDatabase();
  await createResourceTypes(conn.db, "t", [
    { key: "document", name: "Document" },
    { key: "books", name: "Books" },
  ]);
  acme = (await createOrganization(conn.db, "t", { externalId: "acme", name: "Acme" })).value;
  globex = (await createOrganization(conn.db, "t", { name: "Globex" })).value;
  const make = async (org: OrganizationView, type: string, externalId: string) =>
    (await createResource(conn.db, "t", { organizationId: org.id, type, externalId, name: externalId })).value;
  acmeDoc = await make(acme, "document", "doc_7");
  globexDoc = await make(globex, "document", "doc_7");
  colonDoc = await make(acme, "books", "fiction:123:b");
  await make(acme, "document", "only-acme");
});
after(() => conn.close());

const resolve = (ref: string, organization?: string) => resolveResourceRef(conn.db, ref, { organization, field: "resource" });

describe("compact resource references", () => {
  test("an id resolves directly; organization narrows it", async () => {
    assert.equal((await resolve(acmeDoc.id)).id, acmeDoc.id);
    assert.equal((await resolve(acmeDoc.id, "acme")).id, acmeDoc.id);
    await rejects(resolve(acmeDoc.id, globex.id), "not_found", "resource");
    await rejects(resolve("authz_resource_01NOPE"), "not_found", "resource");
  });

  test("type:externalId splits at the first colon only", async () => {
    assert.equal((await resolve("books:fiction:123:b")).id, colonDoc.id);
    assert.equal((await resolve("document:only-acme")).organizationId, acme.id);
    await rejects(resolve("books:fiction"), "not_found", "resource");
    await rejects(resolve("folder:doc_7"), "not_found", "resource");
  });

  test("the same compact ref in two organizations is ambiguous until organization chooses", async () => {
    await rejects(resolve("document:doc_7"), "conflict", "resource", "ambiguous");
    assert.equal((await resolve("document:doc_7", "acme")).id, acmeDoc.id);
    assert.equal((await resolve("document:doc_7", globex.id)).id, globexDoc.id);
    await rejects(resolve("document:doc_7", "initech"), "not_found", "organization");
  });

  test("organization:<id or external id> is the root resource", async () => {
    assert.equal((await resolve("organization:acme")).id, acme.rootResourceId);
    assert.equal((await resolve(`organization:${acme.id}`)).id, acme.rootResourceId);
    assert.equal((await resolve(`organization:${globex.id}`, globex.id)).id, globex.rootResourceId);
    await rejects(resolve("organization:acme", globex.id), "not_found", "resource");
    await rejects(resolve("organization:initech"), "not_found", "resource");
  });

  test("anything else is malformed, naming the field", async () => {
    for (const bad of ["doc_7", ":doc_7", "document:"]) await rejects(resolve(bad), "validation", "resource", "format:resource_ref");
  });
});
