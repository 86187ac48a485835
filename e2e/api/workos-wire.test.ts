/**
 * WorkOS wire behaviour (contract §2, §3, §7, §9): typed exceptions from the
 * SDK, JSON on every answer, Idempotency-Key replay, unknown paths, and the
 * setup calls of the organizations and userManagement modules.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { BadRequestException, ConflictException, NotFoundException, UnauthorizedException, UnprocessableEntityException } from "@workos-inc/node";
import { api, baseUrl, apiKey, unique } from "./client";
import { member, resourceTypes, throwsTyped, workos } from "./workos-fixtures";

const w = workos();
let t: { workspace: string };
let orgId: string;

before(async () => {
  t = await resourceTypes("workspace");
  orgId = (await w.organizations.createOrganization({ name: unique("Wire org ") })).id;
});

const raw = (method: string, path: string, init: { body?: string; key?: string | null; headers?: Record<string, string> } = {}) =>
  fetch(`${baseUrl}${path}`, {
    method,
    body: init.body,
    headers: {
      "content-type": "application/json",
      ...(init.key === null ? {} : { authorization: `Bearer ${init.key ?? apiKey}` }),
      ...init.headers,
    },
  });

describe("WorkOS wire: errors and content types", () => {
  test("a wrong API key → UnauthorizedException; unknown /authorization paths → NotFoundException", async () => {
    await throwsTyped(workos("sk_test_wrong").authorization.listEnvironmentRoles(), UnauthorizedException, 401);
    await throwsTyped(workos("sk_test_wrong").authorization.getResource("authz_resource_x"), UnauthorizedException);
    await throwsTyped(w.get("/authorization/does-not-exist"), NotFoundException, 404);
    await throwsTyped(w.get("/authorization/resources/authz_resource_x/no/such/thing"), NotFoundException);
    await throwsTyped(w.delete("/authorization/nowhere"), NotFoundException);
    await throwsTyped(w.post("/authorization/nowhere", {}), NotFoundException);
  });

  test("every answer says application/json: success, 201, 204, 401, 404, 422", async () => {
    const created = await raw("POST", "/authorization/resources", { body: JSON.stringify({ organization_id: orgId, resource_type_slug: t.workspace, external_id: unique("ct-"), name: "CT" }) });
    const body = await created.json();
    const answers = [
      created,
      await raw("GET", `/authorization/resources/${body.id}`),
      await raw("DELETE", `/authorization/resources/${body.id}`),
      await raw("GET", "/authorization/roles", { key: null }),
      await raw("GET", "/authorization/nope"),
      await raw("POST", "/authorization/resources", { body: "{}" }),
    ];
    assert.deepEqual(answers.map((r) => r.status), [201, 200, 204, 401, 404, 422]);
    for (const r of answers) assert.match(r.headers.get("content-type") ?? "", /application\/json/);
    for (const r of answers) assert.ok(r.headers.get("x-request-id"), "a request id for the SDK's exceptions");
    const unauthorized = await (await raw("GET", "/authorization/roles", { key: "nope" })).json();
    assert.equal(unauthorized.code, "unauthorized");
    assert.ok(!("error" in unauthorized), "never an `error` key: the SDK would read an OAuth error");
  });

  test("422 bodies name each requirement; the SDK prints them; malformed JSON is a 400 BadRequest", async () => {
    const res = await raw("POST", "/authorization/resources", { body: JSON.stringify({ organization_id: orgId, resource_type_slug: t.workspace, external_id: "x" }) });
    const body = await res.json();
    assert.equal(res.status, 422);
    assert.equal(body.code, "invalid_request_parameters");
    assert.deepEqual(body.errors.map((e: { field: string }) => e.field), ["name"]);
    await assert.rejects(w.authorization.createResource({ organizationId: orgId, resourceTypeSlug: t.workspace, externalId: unique("x"), name: "" }), (e: any) => {
      assert.ok(e instanceof UnprocessableEntityException);
      assert.match(e.message, /requirement must be met:\n\tname_too_small/);
      return true;
    });
    const malformed = await raw("POST", "/authorization/resources", { body: "{not json" });
    const malformedBody = await malformed.json();
    assert.deepEqual([malformed.status, malformedBody.code], [400, "invalid_request_body"]);
    assert.ok(Array.isArray(malformedBody.errors), "code and errors: the SDK raises BadRequestException");
    // A body that is not an object cannot be read either: the SDK raises BadRequestException.
    await throwsTyped(w.post("/authorization/roles", "just a string" as unknown as object), BadRequestException, 400);
    const role = unique("shape-");
    await w.authorization.createEnvironmentRole({ slug: role, name: "Shape" });
    await throwsTyped(w.put(`/authorization/roles/${role}/permissions`, { permissions: "not a list" }), UnprocessableEntityException);
  });
});

describe("WorkOS wire: Idempotency-Key", () => {
  test("a POST repeated with the same key gets the stored answer and creates nothing twice", async () => {
    const key = `retry-${randomUUID()}`;
    const externalId = unique("idem-");
    const body = { organization_id: orgId, resource_type_slug: t.workspace, external_id: externalId, name: "Idem" };
    const first = await w.post<{ id: string }>("/authorization/resources", body, { idempotencyKey: key });
    const second = await w.post<{ id: string }>("/authorization/resources", body, { idempotencyKey: key });
    assert.equal(second.data.id, first.data.id, "replayed, not a 409");
    const again = await raw("POST", "/authorization/resources", { body: JSON.stringify(body), headers: { "idempotency-key": key } });
    assert.deepEqual([again.status, again.headers.get("idempotent-replayed"), (await again.json()).id], [201, "true", first.data.id]);
    const listed = await w.authorization.listResources({ organizationId: orgId, resourceTypeSlug: t.workspace, limit: 100 });
    assert.equal(listed.data.filter((r) => r.externalId === externalId).length, 1);
    // Without a key, the same request is a second create: a conflict.
    await throwsTyped(w.post("/authorization/resources", body), ConflictException);
  });

  test("a different request under a used key is refused; error answers are replayed too", async () => {
    const key = randomUUID();
    await w.post("/authorization/resources", { organization_id: orgId, resource_type_slug: t.workspace, external_id: unique("a-"), name: "A" }, { idempotencyKey: key });
    await throwsTyped(
      w.post("/authorization/resources", { organization_id: orgId, resource_type_slug: t.workspace, external_id: unique("b-"), name: "B" }, { idempotencyKey: key }),
      UnprocessableEntityException,
    );
    const failing = randomUUID();
    const missing = JSON.stringify({ organization_id: "org_missing", resource_type_slug: t.workspace, external_id: "x", name: "x" });
    const answers = [];
    for (let i = 0; i < 2; i++) answers.push(await raw("POST", "/authorization/resources", { body: missing, headers: { "idempotency-key": failing } }));
    assert.deepEqual(answers.map((r) => [r.status, r.headers.get("idempotent-replayed")]), [[404, null], [404, "true"]]);
  });

  test("the SDK sends its own `retry-<uuid>` key on every POST, and such creates succeed", async () => {
    const sent: (string | null)[] = [];
    const recording = workos(apiKey, {
      fetchFn: (input: RequestInfo | URL, init?: RequestInit) => {
        sent.push(new Headers(init?.headers).get("idempotency-key"));
        return fetch(input, init);
      },
    });
    const slug = unique("idem-role-");
    assert.equal((await recording.authorization.createEnvironmentRole({ slug, name: "Idem" })).slug, slug);
    assert.match(sent[0] ?? "", /^retry-[0-9a-f-]{36}$/);
  });
});

describe("WorkOS wire: setup calls of other SDK modules", () => {
  test("organizations.createOrganization / getOrganization", async () => {
    const externalId = unique("ext-");
    const org = await w.organizations.createOrganization({ name: "Setup Co", externalId });
    assert.deepEqual([org.object, org.name, org.externalId, org.domains, org.allowProfilesOutsideOrganization], ["organization", "Setup Co", externalId, [], false]);
    assert.match(org.id, /^org_/);
    assert.deepEqual(await w.organizations.getOrganization(org.id), org);
    await throwsTyped(w.organizations.getOrganization("org_missing"), NotFoundException);
    await throwsTyped(w.organizations.createOrganization({ name: "Again", externalId }), ConflictException);
  });

  test("userManagement.createUser / getUser", async () => {
    const email = `${unique("u")}@example.com`;
    const user = await w.userManagement.createUser({ email, firstName: "Ada", lastName: "Lovelace" });
    assert.deepEqual([user.object, user.email, user.firstName, user.lastName, user.emailVerified], ["user", email, "Ada", "Lovelace", false]);
    assert.match(user.id, /^user_/);
    assert.deepEqual(await w.userManagement.getUser(user.id), user);
    await throwsTyped(w.userManagement.createUser({ email: "not-an-email" }), UnprocessableEntityException);
  });

  test("userManagement organization memberships: create with a role, get, update (PUT), delete", async () => {
    const role = unique("setup-role-");
    await w.authorization.createEnvironmentRole({ slug: role, name: "Setup role" });
    const other = unique("setup-other-");
    await w.authorization.createEnvironmentRole({ slug: other, name: "Other" });
    const { user, membership } = await member(w, orgId, "mem", [role]);
    assert.match(membership.id, /^om_/);
    assert.deepEqual(
      [membership.object, membership.userId, membership.organizationId, membership.status, membership.role, membership.roles],
      ["organization_membership", user.id, orgId, "active", { slug: role }, [{ slug: role }]],
    );
    assert.match(membership.organizationName, /^Wire org /);
    assert.deepEqual(await w.userManagement.getOrganizationMembership(membership.id), membership);
    const updated = await w.userManagement.updateOrganizationMembership(membership.id, { roleSlug: other });
    assert.deepEqual(updated.roles, [{ slug: other }]);
    await throwsTyped(w.userManagement.createOrganizationMembership({ organizationId: orgId, userId: user.id }), ConflictException);
    await throwsTyped(w.userManagement.updateOrganizationMembership(membership.id, { roleSlug: unique("missing-") }), NotFoundException);
    await w.userManagement.deleteOrganizationMembership(membership.id);
    await throwsTyped(w.userManagement.getOrganizationMembership(membership.id), NotFoundException);
    await throwsTyped(w.userManagement.createOrganizationMembership({ organizationId: orgId, userId: "user_missing" }), NotFoundException);
  });

  test("raw JSON shapes carry `object` and snake_case keys", async () => {
    const res = await api("POST", "/authorization/resources", { organization_id: orgId, resource_type_slug: t.workspace, external_id: unique("shape-"), name: "Shape" });
    assert.deepEqual(Object.keys(res.body).sort(), ["created_at", "description", "external_id", "id", "name", "object", "organization_id", "parent_resource_id", "resource_type_slug", "updated_at"]);
  });
});
