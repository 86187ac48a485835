/**
 * The server answers the decision queries (check, batch check, explain,
 * effective actions, both lookups) and the WorkOS check by calling their
 * route handlers directly (scripts/hot-routes.mjs) when the body has a
 * declared length, and hands the same request sent chunked to Next.js: both
 * paths must give the same answer, errors included. Paths the hot path does
 * not take still get the proxy's malformed-encoding guard.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { api, apiKey, baseUrl, unique } from "./client";

const org = unique("hot");
let membershipId = "";
let foreignResourceId = "";

type Answer = { status: number; body: any; vary: string };

/** POSTs `payload` with a Content-Length (`hot`) or chunked, without one (`next`). */
function post(path: string, payload: string, mode: "hot" | "next", key: string | null = apiKey): Promise<Answer> {
  const url = new URL(baseUrl);
  const headers: Record<string, string | number> = { "content-type": "application/json" };
  if (key) headers.authorization = `Bearer ${key}`;
  if (mode === "hot") headers["content-length"] = Buffer.byteLength(payload);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path, method: "POST", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString();
        resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null, vary: String(res.headers.vary ?? "") });
      });
    });
    req.on("error", reject);
    // Written before end(): without a declared length Node sends it chunked.
    req.write(payload);
    req.end();
  });
}

/**
 * Other test files write meanwhile, so the revision in an answer (and the
 * latest revision an `atLeastAsFresh` error names) may differ between the two requests.
 */
const withoutRevision = ({ status, body }: Answer) => ({
  status,
  body: body && typeof body === "object" ? JSON.parse(JSON.stringify({ ...body, revision: undefined }).replace(/latest is \d+/g, "latest is …")) : body,
});

async function samePaths(path: string, body: unknown, key?: string | null) {
  const payload = typeof body === "string" ? body : JSON.stringify(body);
  const hot = await post(path, payload, "hot", key);
  const next = await post(path, payload, "next", key);
  assert.deepEqual(withoutRevision(hot), withoutRevision(next), `${path} ${payload}`);
  // Next.js marks its route answers as varying by its router headers; the hot path does not: the two really took different paths.
  assert.ok(next.vary.includes("rsc") && !hot.vary.includes("rsc"), `vary: hot '${hot.vary}', next '${next.vary}'`);
  return hot;
}

before(async () => {
  await api("POST", "/api/v1/resource-types", { key: "locker", name: "Locker" });
  await api("POST", "/api/v1/permissions", { action: "open", resourceType: "locker" });
  await api("POST", "/api/v1/roles", { slug: "locker-opener", name: "Locker opener", permissions: ["locker:open"] });
  for (const o of [org, `${org}-b`]) await api("POST", "/api/v1/organizations", { externalId: o, name: o });
  await api("POST", "/api/v1/resources", { organizationId: org, type: "locker", externalId: `${org}-l`, name: "Locker" });
  const foreign = await api("POST", "/api/v1/resources", { organizationId: `${org}-b`, type: "locker", externalId: `${org}-f`, name: "Foreign" });
  foreignResourceId = foreign.body.id;
  const user = await api("POST", "/api/v1/users", { externalId: `${org}-u` });
  membershipId = (await api("POST", "/api/v1/memberships", { userId: user.body.id, organizationId: org })).body.id;
  const grant = await api("POST", "/api/v1/grants", { subject: `user:${org}-u`, role: "locker-opener", resource: `locker:${org}-l`, organization: org });
  assert.equal(grant.status, 201, JSON.stringify(grant.body));
});

test("native check: the hot path and Next.js answer alike", async () => {
  const question = { subject: `user:${org}-u`, action: "open", resource: `locker:${org}-l` };
  assert.equal((await samePaths("/api/v1/check", question)).body.allowed, true);
  assert.equal((await samePaths("/api/v1/check", { ...question, subject: "user:nobody-at-all" })).status, 404);
  assert.equal((await samePaths("/api/v1/check", { ...question, atLeastAsFresh: 1e12 })).status, 400);
  assert.equal((await samePaths("/api/v1/check", "{not json")).status, 400);
  assert.equal((await samePaths("/api/v1/check", question, null)).status, 401);
});

test("batch check: the hot path and Next.js answer alike, item errors included", async () => {
  const checks = [
    { subject: `user:${org}-u`, action: "open", resource: `locker:${org}-l` },
    { subject: `user:${org}-u`, action: "open", resource: "locker:missing" },
  ];
  const res = await samePaths("/api/v1/check/batch", { checks });
  assert.equal(res.status, 200);
  assert.deepEqual(res.body.results.map((r: { allowed: boolean }) => r.allowed), [true, false]);
  assert.equal(res.body.results[1].error.code, "not_found");
});

test("explain, effective actions and both lookups: the hot path and Next.js answer alike", async () => {
  const subject = `user:${org}-u`;
  const resource = `locker:${org}-l`;
  const explained = await samePaths("/api/v1/explain", { subject, action: "open", resource });
  assert.equal(explained.body.allowed, true);
  assert.deepEqual((await samePaths("/api/v1/effective-actions", { subject, resource })).body.actions, ["open"]);
  const reachable = await samePaths("/api/v1/lookup/resources", { subject, action: "open", resourceType: "locker" });
  assert.deepEqual(reachable.body.data.map((r: { externalId: string }) => r.externalId), [`${org}-l`]);
  const holders = await samePaths("/api/v1/lookup/subjects", { resource, action: "open" });
  assert.deepEqual(holders.body.data.map((s: { externalId: string }) => s.externalId), [`${org}-u`]);
  assert.equal((await samePaths("/api/v1/lookup/resources", { subject, action: "open", limit: 5000 })).status, 400);
  assert.equal((await samePaths("/api/v1/lookup/subjects", { resource: "locker:missing", action: "open" })).status, 404);
});

test("WorkOS check: the hot path and Next.js answer alike", async () => {
  const path = `/authorization/organization_memberships/${membershipId}/check`;
  const byKey = { permission_slug: "open", resource_type_slug: "locker", resource_external_id: `${org}-l` };
  assert.deepEqual((await samePaths(path, byKey)).body, { authorized: true });
  assert.deepEqual((await samePaths(path, { ...byKey, permission_slug: "close" })).body, { authorized: false });
  // A membership acts only within its organization: another organization's resource is not found.
  assert.equal((await samePaths(path, { permission_slug: "open", resource_id: foreignResourceId })).status, 404);
  assert.equal((await samePaths(path, { ...byKey, resource_external_id: "" })).status, 422);
  assert.equal((await samePaths(path, { ...byKey, permission_slug: "not a slug!" })).status, 422);
  assert.equal((await samePaths("/authorization/organization_memberships/om_missing/check", byKey)).status, 404);
});

test("a membership id the hot path does not take still meets the proxy's encoding guard", async () => {
  const res = await post("/authorization/organization_memberships/om_%ff/check", JSON.stringify({ permission_slug: "open" }), "hot");
  assert.equal(res.status, 400);
  assert.equal(res.body.code, "invalid_request_parameters");
});
