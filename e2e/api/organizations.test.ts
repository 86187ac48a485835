import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { api, unique } from "./client";

describe("native API: organizations", () => {
  test("create, read by id or external id, rename, list", async () => {
    const externalId = unique("org-");
    const created = await api("POST", "/api/v1/organizations", { externalId, name: "Acme" });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.match(created.body.id, /^org_/);
    assert.match(created.body.rootResourceId, /^authz_resource_/);
    assert.equal(created.headers.get("arbor-revision"), String(created.body.revision));

    const byExternal = await api("GET", `/api/v1/organizations/${externalId}`);
    assert.equal(byExternal.body.id, created.body.id);
    const root = await api("GET", `/api/v1/resources/organization:${externalId}`);
    assert.equal(root.body.id, created.body.rootResourceId);

    const renamed = await api("PATCH", `/api/v1/organizations/${created.body.id}`, { name: "Acme Inc" });
    assert.equal(renamed.status, 200);
    assert.equal(renamed.body.name, "Acme Inc");
    assert.equal((await api("GET", `/api/v1/resources/${created.body.rootResourceId}`)).body.name, "Acme Inc");

    const listed = await api("GET", `/api/v1/organizations?search=${externalId}&limit=5`);
    assert.deepEqual(listed.body.data.map((o: any) => o.id), [created.body.id]);
    assert.equal(listed.body.nextCursor, null);
  });

  test("bad input is a 400 naming the field; duplicates 409; unknown 404", async () => {
    const externalId = unique("dup-");
    await api("POST", "/api/v1/organizations", { externalId, name: "One" });
    const dup = await api("POST", "/api/v1/organizations", { externalId, name: "Two" });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.error.issues[0].field, "externalId");
    const noName = await api("POST", "/api/v1/organizations", { externalId: unique("x-") });
    assert.equal(noName.status, 400);
    assert.equal(noName.body.error.issues[0].field, "name");
    const noScope = await api("POST", "/api/v1/organizations", { name: "Nowhere", scopeId: "scope_nope" });
    assert.deepEqual([noScope.status, noScope.body.error.issues[0].field], [404, "scopeId"]);
    const badLimit = await api("GET", "/api/v1/organizations?limit=5000");
    assert.equal(badLimit.status, 400);
    assert.equal(badLimit.body.error.issues[0].field, "limit");
    assert.equal((await api("GET", "/api/v1/organizations/org_missing")).status, 404);
    assert.equal((await api("DELETE", "/api/v1/organizations/org_missing")).status, 404);
  });

  test("delete is refused while it holds data and cascades on request", async () => {
    const org = (await api("POST", "/api/v1/organizations", { externalId: unique("gone-"), name: "Gone" })).body;
    const group = await api("POST", "/api/v1/groups", { organizationId: org.id, name: "Staff" });
    assert.equal(group.status, 201);
    const refused = await api("DELETE", `/api/v1/organizations/${org.id}`);
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.issues[0].rule, "has_dependents");
    const done = await api("DELETE", `/api/v1/organizations/${org.id}?cascade=true`);
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.removed.groups, 1);
    assert.equal((await api("GET", `/api/v1/organizations/${org.id}`)).status, 404);
    assert.equal((await api("GET", `/api/v1/groups/${group.body.id}`)).status, 404);
  });
});
