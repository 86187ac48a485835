import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { api, unique } from "./client";

describe("native API: definitions (seed 001 flows)", () => {
  test("requests without a valid key get a JSON 401", async () => {
    const missing = await api("GET", "/api/v1/resource-types", undefined, { key: null });
    assert.equal(missing.status, 401);
    assert.equal(missing.body.error.code, "unauthenticated");
    const wrong = await api("GET", "/api/v1/resource-types", undefined, { key: "arbor_sk_wrong" });
    assert.equal(wrong.status, 401);
  });

  test("seed 001: scope, batch types, hierarchy, batch permissions, a role", async () => {
    const scopeId = `scope_${unique("acme")}`;
    const scope = await api("POST", "/api/v1/scopes", { id: scopeId, name: "Acme" });
    assert.equal(scope.status, 201);
    assert.equal(scope.body.id, scopeId);
    assert.equal(scope.headers.get("arbor-revision"), String(scope.body.revision));

    const batch = await api("POST", "/api/v1/resource-types/batch", [
      { name: "Document", key: "document", scopeId },
      { name: "Folder", key: "folder", scopeId },
      { name: "Project", key: "project", scopeId },
      { name: "Task", key: "task", scopeId },
    ]);
    assert.equal(batch.status, 201);
    assert.equal(batch.body.data.length, 4);
    const ids = Object.fromEntries(batch.body.data.map((t: any) => [t.key, t.id]));
    assert.match(ids.document, /^rtype_/);
    assert.ok(batch.body.data.every((t: any) => t.createdAt && t.createdBy));

    const rule = await api("POST", "/api/v1/resource-type-hierarchy", { parentTypeId: ids.folder, childTypeId: ids.document });
    assert.equal(rule.status, 201);
    const nest = await api("POST", "/api/v1/resource-type-hierarchy", { parentTypeId: "folder", childTypeId: "folder", scopeId });
    assert.equal(nest.status, 201);

    const perms = await api("POST", "/api/v1/permissions/batch", ["create", "read", "update", "delete"].map((action) => ({
      scopeId, action, resourceType: "document", resourcePattern: "*", key: `document:${action}:*`,
    })));
    assert.equal(perms.status, 201);
    assert.deepEqual(perms.body.data.map((p: any) => p.key), ["document:create:*", "document:read:*", "document:update:*", "document:delete:*"]);

    const viewer = await api("POST", "/api/v1/roles", { slug: "viewer", name: "Viewer", scopeId, permissions: ["document:read:*"] });
    assert.equal(viewer.status, 201, JSON.stringify(viewer.body));
    const editor = await api("POST", "/api/v1/roles", { slug: "editor", name: "Editor", scopeId, permissions: ["document:update"], includes: ["viewer"] });
    assert.equal(editor.status, 201, JSON.stringify(editor.body));
    assert.deepEqual(editor.body.includes, ["viewer"]);

    const cycle = await api("PATCH", `/api/v1/roles/viewer?scopeId=${scopeId}`, { includes: ["editor"] });
    assert.equal(cycle.status, 400);
    assert.equal(cycle.body.error.issues[0].field, "includes");

    const inherited = await api("GET", `/api/v1/resource-types?scopeId=${scopeId}`);
    assert.ok(inherited.body.data.some((t: any) => t.key === "document" && t.inherited === false));
  });

  test("bad input names the field and rule and writes nothing", async () => {
    const bad = await api("POST", "/api/v1/resource-types", { key: "Documents", name: "Docs" });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.issues[0].field, "key");
    const spaced = await api("POST", "/api/v1/resource-types", { key: "doc ument", name: "Docs" });
    assert.equal(spaced.status, 400);
    const malformed = await api("POST", "/api/v1/resource-types", undefined, { raw: '{"key":', headers: { "content-type": "application/json" } });
    assert.equal(malformed.status, 400);
    assert.equal(malformed.body.error.issues[0].rule, "json");
    const wrongType = await api("POST", "/api/v1/resource-types", undefined, { raw: "<xml/>", headers: { "content-type": "text/xml" } });
    assert.equal(wrongType.status, 400);
    assert.equal(wrongType.body.error.issues[0].field, "content-type");
    const huge = await api("POST", "/api/v1/resource-types", { key: "big", name: "x".repeat(2_000_000) });
    assert.equal(huge.status, 413);
    const unknownScope = await api("POST", "/api/v1/resource-types", { key: "thing", name: "Thing", scopeId: "scope_nope" });
    assert.equal(unknownScope.status, 404);
    assert.equal(unknownScope.body.error.issues[0].field, "scopeId");
    const badRule = await api("POST", "/api/v1/resource-type-hierarchy", { parentTypeId: "rtype_missing", childTypeId: "rtype_missing2" });
    assert.equal(badRule.status, 404);
    const types = await api("GET", "/api/v1/resource-types");
    assert.equal(types.body.data.some((t: any) => ["big", "thing"].includes(t.key)), false, "no rejected type was written");
  });

  test("templates apply idempotently", async () => {
    const scopeId = `scope_${unique("tpl")}`;
    await api("POST", "/api/v1/scopes", { id: scopeId, name: "Templates" });
    const first = await api("POST", "/api/v1/templates/construction/apply", { scopeId });
    assert.equal(first.status, 200);
    assert.equal(first.body.created.types, 5);
    const second = await api("POST", "/api/v1/templates/construction/apply", { scopeId });
    assert.deepEqual(second.body.created, { types: 0, rules: 0, permissions: 0 });
    const missing = await api("POST", "/api/v1/templates/nothing/apply", { scopeId });
    assert.equal(missing.status, 404);
  });

  test("unknown endpoints and the OpenAPI document answer JSON", async () => {
    const unknownPath = await api("GET", "/api/v1/no-such-thing");
    assert.equal(unknownPath.status, 404);
    const doc = await api("GET", "/api/v1/openapi.json", undefined, { key: null });
    assert.equal(doc.body.openapi, "3.1.0");
    assert.ok(doc.body.paths["/resource-types/batch"].post.requestBody);
  });

  test("seed 001's curl bodies work as curl -d sends them (no JSON content type), for all four patterns", async () => {
    const scope = `scope_${unique("org")}`;
    const curl = (path: string, body: string) => api("POST", path, undefined, { raw: body.replaceAll("scope_org", scope), headers: { "content-type": "application/x-www-form-urlencoded" } });
    assert.equal((await curl("/api/v1/scopes", `{"id":"scope_org","name":"Org"}`)).status, 201);
    const patterns = [
      ["Workspace", "Folder", "Document", "Page", "Comment", "Attachment"],
      ["Project", "Epic", "Issue", "Sprint", "Label"],
      ["Employee", "Department", "Timesheet", "Leave Request", "Performance Review"],
      ["Job Site", "Work Order", "Equipment", "Safety Report", "Daily Log"],
    ];
    const keyOf = (name: string) => (name === "Job Site" ? "jobsite" : name.toLowerCase().replaceAll(" ", "-"));
    for (const names of patterns) {
      const body = JSON.stringify(names.map((name) => ({ name, key: keyOf(name), scopeId: "scope_org" })));
      const res = await curl("/api/v1/resource-types/batch", body);
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.deepEqual(res.body.data.map((t: any) => t.key), names.map(keyOf));
    }
    for (const type of ["document", "project"]) {
      const body = JSON.stringify(["create", "read", "update", "delete"].map((action) => ({ scopeId: "scope_org", action, resourceType: type, resourcePattern: "*", key: `${type}:${action}:*` })));
      const res = await curl("/api/v1/permissions/batch", body);
      assert.equal(res.status, 201, JSON.stringify(res.body));
    }
    const rule = await curl("/api/v1/resource-type-hierarchy", `{"parentTypeId":"folder","childTypeId":"document","scopeId":"scope_org"}`);
    assert.equal(rule.status, 201, JSON.stringify(rule.body));
  });
});
