import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { api, baseUrl, apiKey, unique } from "./client";

const org = unique("acc");
// Root-scope definitions are shared by every test file on the server: unique keys keep them apart.
const space = unique("space");
const page = unique("page");
const reader = unique("reader");
const editor = unique("editor");

before(async () => {
  for (const key of [space, page]) await api("POST", "/api/v1/resource-types", { key, name: key });
  await api("POST", "/api/v1/permissions/batch", [
    { action: "read", resourceType: space },
    { action: "read", resourceType: page },
    { action: "edit", resourceType: page },
  ]);
  await api("POST", "/api/v1/roles", { slug: reader, name: "Page reader", permissions: [`${space}:read`, `${page}:read`] });
  await api("POST", "/api/v1/roles", { slug: editor, name: "Page editor", permissions: [`${page}:edit`], includes: [reader] });
  assert.equal((await api("POST", "/api/v1/organizations", { externalId: org, name: "Access test" })).status, 201);
  assert.equal((await api("POST", "/api/v1/resources", { organizationId: org, type: space, externalId: `${org}-s1`, name: "Space" })).status, 201);
  assert.equal((await api("POST", "/api/v1/resources", { organizationId: org, type: page, externalId: `${org}-p1`, name: "Page", parentId: `${space}:${org}-s1` })).status, 201);
  for (const u of ["ann", "ben"]) assert.equal((await api("POST", "/api/v1/users", { externalId: `${org}-${u}` })).status, 201);
});

describe("native API: grants and decisions", () => {
  test("grant, check, explain, revoke — each write's revision makes the next read fresh", async () => {
    const grant = await api("POST", "/api/v1/grants", { subject: `user:${org}-ann`, role: reader, resource: `${space}:${org}-s1`, organization: org });
    assert.equal(grant.status, 201, JSON.stringify(grant.body));
    const revision = Number(grant.headers.get("arbor-revision"));
    assert.equal(grant.body.revision, revision);

    const yes = await api("POST", "/api/v1/check", { subject: `user:${org}-ann`, action: "read", resource: `${page}:${org}-p1`, atLeastAsFresh: revision });
    assert.deepEqual([yes.status, yes.body.allowed], [200, true]);
    assert.ok(yes.body.revision >= revision);
    const no = await api("POST", "/api/v1/check", { subject: `user:${org}-ann`, action: "edit", resource: `${page}:${org}-p1` });
    assert.equal(no.body.allowed, false);

    const why = await api("POST", "/api/v1/explain", { subject: `user:${org}-ann`, action: "read", resource: `${page}:${org}-p1` });
    assert.equal(why.body.decision, "allow");
    assert.deepEqual(why.body.deciding[0].path.map((p: any) => p.externalId), [`${org}-s1`, `${org}-p1`]);

    const revoke = await api("DELETE", `/api/v1/grants/${grant.body.id}`);
    assert.equal(revoke.status, 200);
    const after = await api("POST", "/api/v1/check", { subject: `user:${org}-ann`, action: "read", resource: `${page}:${org}-p1`, atLeastAsFresh: revoke.body.revision });
    assert.equal(after.body.allowed, false);
  });

  test("lookups, batch checks and revoke by value", async () => {
    const body = { subject: `user:${org}-ben`, role: editor, resource: `${page}:${org}-p1`, organization: org };
    assert.equal((await api("POST", "/api/v1/grants", body)).status, 201);
    assert.equal((await api("POST", "/api/v1/grants", body)).status, 409, "the same grant twice is a conflict");
    const resources = await api("POST", "/api/v1/lookup/resources", { subject: `user:${org}-ben`, action: "edit", organization: org });
    assert.deepEqual(resources.body.data.map((r: any) => r.externalId), [`${org}-p1`]);
    const subjects = await api("POST", "/api/v1/lookup/subjects", { resource: `${page}:${org}-p1`, action: "read", organization: org });
    assert.deepEqual(subjects.body.data.map((s: any) => [s.externalId, s.direct, s.actions]), [[`${org}-ben`, true, ["edit", "read"]]]);
    const batch = await api("POST", "/api/v1/check/batch", {
      checks: [
        { subject: `user:${org}-ben`, action: "edit", resource: `${page}:${org}-p1` },
        { subject: `user:${org}-ann`, action: "edit", resource: `${page}:${org}-p1` },
      ],
    });
    assert.deepEqual(batch.body.results.map((r: any) => r.allowed), [true, false]);
    const revoked = await api("DELETE", "/api/v1/grants", body);
    assert.equal(revoked.status, 200);
    assert.equal(revoked.body.data.length, 1);
  });

  test("bad grants and checks name the field and write nothing", async () => {
    const grantsOfAnn = async () => (await api("GET", `/api/v1/grants?organization=${org}&subject=user:${org}-ann`)).body.data.length;
    const before = await grantsOfAnn();
    const both = await api("POST", "/api/v1/grants", { subject: `user:${org}-ann`, role: reader, actions: ["read"], resource: `${page}:${org}-p1` });
    assert.equal(both.status, 400);
    assert.equal(both.body.error.issues[0].field, "role");
    const unknownSubject = await api("POST", "/api/v1/grants", { subject: "user:nobody-here", role: reader, resource: `${page}:${org}-p1` });
    assert.equal(unknownSubject.status, 404);
    assert.equal(unknownSubject.body.error.issues[0].field, "subject");
    const unknownRole = await api("POST", "/api/v1/grants", { subject: `user:${org}-ann`, role: "no-such-role", resource: `${page}:${org}-p1` });
    assert.equal(unknownRole.status, 404);
    const badCondition = await api("POST", "/api/v1/grants", {
      subject: `user:${org}-ann`, actions: ["read"], resource: `${page}:${org}-p1`, conditions: [{ param: "ip", operator: "IpAddress", value: "not-an-ip" }],
    });
    assert.equal(badCondition.status, 400);
    assert.match(badCondition.body.error.issues[0].field, /^conditions\.0/);
    const patternWithoutOrg = await api("POST", "/api/v1/grants", { subject: `user:${org}-ann`, actions: ["read"], resourcePattern: "x*" });
    assert.equal(patternWithoutOrg.status, 400);
    assert.equal(patternWithoutOrg.body.error.issues[0].field, "organization");
    assert.equal(await grantsOfAnn(), before, "no rejected grant was written");

    const future = await api("POST", "/api/v1/check", { subject: `user:${org}-ann`, action: "read", resource: `${page}:${org}-p1`, atLeastAsFresh: 1e12 });
    assert.equal(future.status, 400);
    assert.equal(future.body.error.issues[0].field, "atLeastAsFresh");
    const tooMany = await api("POST", "/api/v1/check/batch", { checks: Array.from({ length: 1001 }, () => ({ subject: "user:x", action: "read", resource: "page:x" })) });
    assert.equal(tooMany.status, 400);
    assert.equal(tooMany.body.error.issues[0].field, "checks");
  });

  test("import is all or nothing with numbered lines, and export round-trips", async () => {
    const tag = unique("imp");
    const good = [
      `${space}:${tag}-s#parent@organization:${tag}-org`,
      `${page}:${tag}-p#parent@${space}:${tag}-s`,
      `group:${tag}-g#member@user:${tag}-u1`,
      `${page}:${tag}-p#${editor}@group:${tag}-g#member`,
      `${space}:${tag}-s#${reader}@user:${tag}-u2`,
    ].join("\n");
    const bad = `${good}\n${page}:${tag}-x#parent@${space}:${tag}-missing\nnot a tuple`;
    const rejected = await fetch(`${baseUrl}/api/v1/import`, { method: "POST", headers: { authorization: `Bearer ${apiKey}`, "content-type": "text/plain" }, body: bad });
    assert.equal(rejected.status, 400);
    const error = await rejected.json();
    assert.deepEqual(error.error.issues.map((i: any) => i.field), ["line 6", "line 7"]);
    const nothing = await api("POST", "/api/v1/check", { subject: `user:${tag}-u1`, action: "edit", resource: `${page}:${tag}-p` });
    assert.equal(nothing.status, 404, "the rejected import wrote nothing");

    const imported = await fetch(`${baseUrl}/api/v1/import`, { method: "POST", headers: { authorization: `Bearer ${apiKey}`, "content-type": "text/plain" }, body: good });
    assert.equal(imported.status, 200);
    const summary = await imported.json();
    assert.equal(summary.created.resources, 2);
    assert.equal(summary.created.grants, 2);
    const yes = await api("POST", "/api/v1/check", { subject: `user:${tag}-u1`, action: "edit", resource: `${page}:${tag}-p`, atLeastAsFresh: summary.revision });
    assert.equal(yes.body.allowed, true);

    const exported = await (await fetch(`${baseUrl}/api/v1/export`, { headers: { authorization: `Bearer ${apiKey}` } })).text();
    for (const line of good.split("\n")) assert.ok(exported.split("\n").includes(line), `export contains ${line}`);
    const again = await fetch(`${baseUrl}/api/v1/import`, { method: "POST", headers: { authorization: `Bearer ${apiKey}`, "content-type": "text/plain" }, body: exported });
    const second = await again.json();
    assert.equal(again.status, 200, JSON.stringify(second));
    assert.equal(second.created.resources + second.created.grants + second.created.groupMembers, 0, "re-importing an export creates nothing new");
  });
});
