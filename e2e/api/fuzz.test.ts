/**
 * Hostile input against the native family, over real HTTP: a few thousand
 * requests generated from a fixed seed (the same requests on every run) —
 * random JSON, huge strings, deep nesting, wrong types, SQL and
 * path-traversal strings in ids and query parameters, NUL and invalid UTF-8,
 * pathological glob patterns, oversized batches, wrong content types,
 * unknown methods — sent by an unrestricted and an organization-restricted
 * key of their own. Every request that is malformed, or would change
 * something, must be refused with a 4xx; a well-formed read (an SQL string
 * as a search term, a pathological pattern in a lookup) may answer 200.
 * Never a 5xx, never a hang, never a stack trace or database error text in
 * the body. Afterwards the fuzz organization is exactly as before and the
 * change log holds no entry written by either fuzz key (other test files
 * share the server, so nothing wider can be compared).
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { api, baseUrl, unique } from "./client";
import {
  assertNothingWrittenBy,
  CONTENT_TYPES,
  enc,
  fillPath as fill,
  fuzz,
  HOSTILE,
  HOSTILE_QUERY,
  nested,
  organizationSnapshot,
  PATHOLOGICAL,
  prng,
  randomJson,
  randomObject,
  shown,
  timedFetch,
  UNREADABLE_BODIES,
  type Rng,
} from "./fuzz-kit";

// On PostgreSQL `npm test` runs two app processes on one database: the requests are spread over both.
const servers = [...new Set([baseUrl, process.env.ARBOR_TEST_URL_B ?? baseUrl])];
const SEED = 0x5eed_2026;
const REQUESTS = 2000;
const CONCURRENCY = 8;
const TIMEOUT_MS = 10_000;

const FIELDS = ["name", "id", "externalId", "organizationId", "organization", "subject", "resource", "role", "actions", "type", "parentId", "scopeId", "key", "slug", "permissions", "checks", "patterns", "context", "conditions", "limit", "cursor", "atLeastAsFresh", "userId", "email", "metadata", "effect", "resourcePattern", "includes", "readOnly"];

/** An object no strict schema accepts: it always carries a key no schema knows. */
const malformedObject = (r: Rng): Record<string, unknown> => ({ ...randomObject(r, FIELDS), [`\u0001${r.pick(HOSTILE)}`]: randomJson(r, FIELDS, 2) });

type FuzzRequest = {
  method: string;
  path: string;
  body?: string | Uint8Array;
  contentType?: string;
  key: "admin" | "tenant" | "none" | "garbage";
  /** A well-formed read that may succeed; every other request must be refused. */
  mayRead?: boolean;
};

type Operation = { method: string; path: string; hasBody: boolean };

/** Well-formed requests whose references name nothing: the lookup itself must fail (404 or a format rule), nothing written. */
function dangling(r: Rng, h: () => string): [string, string, unknown] {
  return r.pick<[string, string, unknown]>([
    ["POST", "/api/v1/resources", { organizationId: h(), type: h(), externalId: h(), name: "fuzz", parentId: h() }],
    ["POST", "/api/v1/grants", { subject: h(), role: h(), resource: h() }],
    ["POST", "/api/v1/grants", { subject: `user:${h()}`, actions: ["read"], resourcePattern: PATHOLOGICAL, organization: h() }],
    ["POST", "/api/v1/grants", { subject: h(), actions: ["*"], resource: h(), conditions: [{ param: "ip", operator: "StringLike", value: PATHOLOGICAL }] }],
    ["DELETE", "/api/v1/grants", { subject: h(), role: h(), resource: h() }],
    ["POST", "/api/v1/memberships", { userId: h(), organizationId: h() }],
    ["POST", "/api/v1/groups", { organizationId: h(), name: "fuzz" }],
    ["POST", "/api/v1/departments", { organizationId: h(), name: "fuzz", parentId: h() }],
    ["POST", "/api/v1/roles", { slug: "fuzz", name: "fuzz", scopeId: h() }],
    ["POST", "/api/v1/permissions", { action: "read", resourceType: h(), scopeId: h() }],
    ["POST", "/api/v1/resource-types", { key: "fuzz", name: "fuzz", scopeId: h() }],
    ["POST", "/api/v1/resource-type-hierarchy", { parentTypeId: h(), childTypeId: h() }],
    ["POST", "/api/v1/scopes", { name: "fuzz", parentId: h() }],
    ["POST", "/api/v1/organizations", { name: "fuzz", scopeId: h() }],
    ["POST", "/api/v1/api-keys", { name: "fuzz", organizationId: h() }],
    ["POST", `/api/v1/groups/${enc(h())}/members`, { id: h() }],
    ["POST", `/api/v1/departments/${enc(h())}/members`, { userId: h() }],
    ["POST", `/api/v1/resources/${enc(h())}/move`, { parentId: h() }],
    ["PATCH", `/api/v1/resources/${enc(h())}`, { name: "fuzz", metadata: { [h()]: h() } }],
    ["PATCH", `/api/v1/departments/${enc(h())}`, { parentId: h() }],
    ["PUT", `/api/v1/roles/${enc(h())}/permissions`, { permissions: [h()] }],
    ["POST", `/api/v1/templates/${enc(h())}/apply`, { scopeId: h() }],
    ["DELETE", `/api/v1/groups/${enc(h())}/members?type=user&id=${enc(h())}`, undefined],
  ]);
}

/** Decisions about the fuzz organization with hostile refs, huge contexts and pathological patterns: reads, so 200 is fine. */
function decision(r: Rng, h: () => string, fx: Fixture): FuzzRequest {
  const subject = r.chance(0.5) ? `user:${fx.user}` : h();
  const resource = r.chance(0.5) ? fx.resource : h();
  const context = { ip: r.pick(["a".repeat(1000), "10.0.0.1", h().slice(0, 1000)]), [`k${r.int(0, 9)}`]: r.pick(["x", 1, true, null]) };
  const body = r.pick([
    { subject, action: r.pick(["read", "doc:read", "*", h()]), resource, organization: fx.org, context },
    { checks: Array.from({ length: r.int(1, 50) }, () => ({ subject: r.chance(0.5) ? subject : h(), action: "read", resource: r.chance(0.5) ? resource : h(), context })) },
    { subject, action: "read", patterns: Array.from({ length: 50 }, () => PATHOLOGICAL), limit: 1000 },
    { subject, action: "read", organization: fx.org, patterns: [PATHOLOGICAL, h().slice(0, 256)], includeDenied: true },
    { resource, action: "read", assignment: r.pick(["direct", "inherited"]), includeActions: true, context },
    { subject, resource, context },
  ]);
  const path = "checks" in body ? "/api/v1/check/batch" : "patterns" in body ? "/api/v1/lookup/resources" : "assignment" in body ? "/api/v1/lookup/subjects" : "action" in body ? r.pick(["/api/v1/check", "/api/v1/explain"]) : "/api/v1/effective-actions";
  return { method: "POST", path, body: JSON.stringify(body), contentType: "application/json", key: r.pick(["admin", "tenant"]), mayRead: true };
}

function generate(r: Rng, operations: Operation[], fx: Fixture): FuzzRequest {
  const h = () => r.pick(HOSTILE);
  const key = r.chance(0.03) ? r.pick(["none", "garbage"] as const) : r.pick(["admin", "tenant"] as const);
  const kind = r.int(0, 11);
  if (kind <= 1) {
    // Any endpoint, hostile path ids, a malformed JSON object.
    const op = r.pick(operations);
    const isRead = op.method === "get";
    return { method: op.method.toUpperCase(), path: fill(r, op.path), body: isRead ? undefined : JSON.stringify(malformedObject(r)), contentType: "application/json", key, mayRead: isRead };
  }
  if (kind === 2) {
    const [method, path, body] = dangling(r, h);
    return { method, path, body: body === undefined ? undefined : JSON.stringify(body), contentType: "application/json", key };
  }
  if (kind === 3) return decision(r, h, fx);
  if (kind === 4) {
    // Reads with hostile query parameters on every list endpoint.
    const op = r.pick(operations.filter((o) => o.method === "get"));
    const params = new URLSearchParams();
    for (let i = r.int(1, 4); i > 0; i--) params.append(r.pick(["limit", "cursor", "search", "organization", "scopeId", "type", "parentId", "user", "subject", "resource", "role", "effect", "after", "since", "until", "actor", "entityId", "includeSubDepartments", "cascade", r.pick(HOSTILE)]), r.pick(HOSTILE_QUERY));
    const raw = r.chance(0.1) ? `&${r.pick(["%ff=%fe", "a=%", "%00=%00", "limit=%c0%af"])}` : "";
    return { method: "GET", path: `${fill(r, op.path)}?${params}${raw}`, key, mayRead: true };
  }
  if (kind === 5) {
    // Deep nesting, huge arrays, oversized batches: just past each limit, since going further only costs time.
    const op = r.pick(operations.filter((o) => o.hasBody));
    const body = r.pick([
      () => nested(r.chance(0.1) ? 100_000 : r.int(17, 50) * 2),
      () => JSON.stringify({ checks: Array.from({ length: r.int(1001, 1010) }, () => ({ subject: "user:x", action: "read", resource: "x:y" })) }),
      () => JSON.stringify(Array.from({ length: r.int(101, 120) }, () => ({ key: "x", name: "x", "\u0001": 1 }))),
      () => JSON.stringify({ permissions: Array.from({ length: 501 }, () => "x:read:*"), "\u0001": 1 }),
      () => JSON.stringify({ name: "x".repeat(1_100_000) }),
    ])();
    return { method: op.method.toUpperCase(), path: fill(r, op.path), body, contentType: "application/json", key };
  }
  if (kind === 6) {
    // Not JSON at all, or bytes that are not UTF-8, under every content type.
    const op = r.pick(operations.filter((o) => o.method !== "get"));
    const body = r.pick<string | Uint8Array>([...UNREADABLE_BODIES, ""]);
    const contentType = r.pick([...CONTENT_TYPES, "\u0000"]);
    return { method: op.method.toUpperCase(), path: fill(r, op.path), body, contentType, key };
  }
  if (kind === 7) {
    // Wrong types for each field of a well-known body.
    const path = r.pick(["/api/v1/organizations", "/api/v1/resources", "/api/v1/grants", "/api/v1/users", "/api/v1/groups", "/api/v1/roles", "/api/v1/scopes", "/api/v1/api-keys", "/api/v1/memberships", "/api/v1/departments", "/api/v1/permissions/batch", "/api/v1/resource-types/batch"]);
    const wrong = () => r.pick<unknown>([123, true, null, [], {}, [h()], { $ne: null }, -0, 1e308]);
    const body = r.pick<unknown>([
      { name: wrong(), externalId: wrong() },
      { organizationId: wrong(), type: wrong(), externalId: wrong(), name: wrong() },
      { subject: wrong(), role: wrong(), resource: wrong(), organization: wrong() },
      { email: wrong(), "\u0001": 1 },
      [wrong(), wrong()],
      // A whole body that is no object at all (`{}` is a valid body where every field is optional).
      r.pick<unknown>([123, true, null, "text", -0, 1e308]),
    ]);
    return { method: "POST", path, body: JSON.stringify(body), contentType: "application/json", key };
  }
  if (kind === 8) {
    // Methods a route does not have, and methods nobody has.
    const op = r.pick(operations);
    const method = r.pick(["PUT", "PATCH", "DELETE", "POST", "PROPFIND", "FOO", "LINK"].filter((m) => m.toLowerCase() !== op.method));
    return { method, path: fill(r, op.path), body: r.chance(0.5) ? JSON.stringify(malformedObject(r)) : undefined, contentType: "application/json", key };
  }
  if (kind === 9) {
    // Bulk import: tuples, some of them plausible, always with a line that is not one (all or nothing).
    const lines = Array.from({ length: r.int(0, 20) }, () => r.pick([`doc:${h()}#parent@organization:${h()}`, `group:x#member@user:${h()}`, h(), `${h()}#reader@user:x`, "a".repeat(2000)]));
    lines.splice(r.int(0, lines.length), 0, `not a tuple ${h()}`);
    return { method: "POST", path: "/api/v1/import", body: lines.join(r.pick(["\n", "\r\n", "\r"])), contentType: "text/plain", key };
  }
  if (kind === 10) {
    // Unknown paths and traversal below /api/v1.
    const path = r.pick(["/api/v1/%2e%2e/%2e%2e/etc/passwd", "/api/v1/..%2f..%2fapi-keys", "/api/v1/resources/%2e%2e", `/api/v1/${enc(h())}`, "/api/v1/users/x/../../api-keys", "/api/v1//organizations", "/api/v1/organizations/%00"]);
    return { method: r.pick(["GET", "POST", "DELETE"]), path, key, mayRead: true };
  }
  // Hostile ids straight into every by-id read.
  const op = r.pick(operations.filter((o) => o.method === "get" && o.path.includes("{")));
  return { method: "GET", path: fill(r, op.path), key, mayRead: true };
}

/** Each of these once made the server answer 500; they are sent on every run, before the random ones. */
const found = (): FuzzRequest[] => [
  { method: "GET", path: "/api/v1/organizations/%c0%af", key: "admin", mayRead: true },
  { method: "DELETE", path: "/api/v1/resources/%", key: "tenant" },
  { method: "GET", path: "/api/v1/users?search=a%00b", key: "admin", mayRead: true },
  { method: "GET", path: "/api/v1/changes?since=-200000-01-01T00:00:00Z", key: "admin", mayRead: true },
  { method: "GET", path: "/api/v1/changes?until=%2B275760-09-13T00:00:00Z", key: "tenant", mayRead: true },
  { method: "POST", path: "/api/v1/users", body: JSON.stringify({ name: "a\u0000b" }), contentType: "application/json", key: "admin" },
  { method: "PATCH", path: `/api/v1/resources/${fx.resource}`, body: JSON.stringify({ metadata: { note: "\ud800" } }), contentType: "application/json", key: "admin" },
  { method: "PATCH", path: `/api/v1/resources/${fx.resource}`, body: JSON.stringify({ metadata: { "a\u0000": 1 } }), contentType: "application/json", key: "tenant" },
  { method: "POST", path: "/api/v1/import", body: "doc:a\u0000b#parent@organization:x", contentType: "text/plain", key: "admin" },
];

type Fixture = { org: string; scopeId: string; user: string; resource: string; adminKey: string; adminActor: string; tenantKey: string; tenantActor: string };
const fx = {} as Fixture;

async function send(req: FuzzRequest, server: string) {
  const headers: Record<string, string> = {};
  const secret = { admin: fx.adminKey, tenant: fx.tenantKey, none: "", garbage: "arbor_sk_'OR'1'='1'--" }[req.key];
  if (secret) headers.authorization = `Bearer ${secret}`;
  if (req.body !== undefined && req.contentType) headers["content-type"] = req.contentType.replace(/\u0000/g, "");
  return timedFetch(`${server}${req.path}`, { method: req.method, headers, body: req.body as BodyInit | undefined }, TIMEOUT_MS);
}

const snapshot = () => organizationSnapshot(fx.org, fx.scopeId);

async function ok(method: string, path: string, body?: unknown) {
  const res = await api(method, path, body);
  assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

let operations: Operation[] = [];

before(async () => {
  const n = unique("fz");
  const doc = `doc-${n}`;
  const org = await ok("POST", "/api/v1/organizations", { externalId: n, name: "Fuzz target" });
  Object.assign(fx, { org: org.id, scopeId: org.scopeId });
  await ok("POST", "/api/v1/resource-types", { key: doc, name: "Doc", scopeId: org.scopeId });
  await ok("POST", "/api/v1/permissions", { action: "read", resourceType: doc, scopeId: org.scopeId });
  await ok("POST", "/api/v1/roles", { slug: `reader-${n}`, name: "Reader", scopeId: org.scopeId, permissions: [`${doc}:read`] });
  // External ids that make glob matching work hardest: long runs of the pattern's letter without its final one.
  let parent = org.rootResourceId;
  for (let i = 0; i < 5; i++) parent = (await ok("POST", "/api/v1/resources", { organizationId: org.id, type: doc, externalId: `${"a".repeat(250)}${i}`, name: `Doc ${i}`, parentId: parent, metadata: { depth: i } })).id;
  fx.resource = parent;
  const user = await ok("POST", "/api/v1/users", { externalId: `${n}-u` });
  fx.user = user.id;
  await ok("POST", "/api/v1/memberships", { userId: user.id, organizationId: org.id });
  const group = await ok("POST", "/api/v1/groups", { organizationId: org.id, name: "Fuzzers" });
  await ok("POST", `/api/v1/groups/${group.id}/members`, { id: user.id });
  await ok("POST", "/api/v1/departments", { organizationId: org.id, name: "Fuzz dept" });
  await ok("POST", "/api/v1/grants", { subject: group.id, role: `reader-${n}`, resourcePattern: PATHOLOGICAL, organization: org.id });
  await ok("POST", "/api/v1/grants", { subject: user.id, actions: ["read"], resourcePattern: `${doc}:${"*a".repeat(100)}*`, organization: org.id, conditions: [{ param: "ip", operator: "StringLike", value: PATHOLOGICAL }] });
  await ok("POST", "/api/v1/grants", { subject: user.id, role: `reader-${n}`, resource: org.rootResourceId, effect: "deny", conditions: [{ param: "k1", operator: "StringEquals", value: "never" }] });

  fx.adminActor = `key:fuzz-${n}`;
  fx.adminKey = (await ok("POST", "/api/v1/api-keys", { name: `fuzz-${n}` })).secret;
  fx.tenantActor = `key:fuzz-tenant-${n}`;
  fx.tenantKey = (await ok("POST", "/api/v1/api-keys", { name: `fuzz-tenant-${n}`, organizationId: org.id })).secret;

  const doc3 = (await api("GET", "/api/v1/openapi.json", undefined, { key: null })).body;
  operations = Object.entries(doc3.paths as Record<string, Record<string, { requestBody?: unknown }>>).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, spec]) => ({ method, path: `/api/v1${path}`, hasBody: !!spec.requestBody || method !== "get" })),
  );
  assert.ok(operations.length > 80, "every native endpoint is fuzzed");
});

test(`${REQUESTS} random hostile requests and every earlier finding: 4xx (or 200 for a well-formed read), never 5xx, a hang or a leak; nothing changes`, async () => {
  const before = await snapshot();
  const r = prng(SEED);
  const requests = [...found(), ...Array.from({ length: REQUESTS }, () => generate(r, operations, fx))];
  const { failures, summary } = await fuzz(requests, {
    concurrency: CONCURRENCY,
    send: (req, worker) => send(req, servers[worker % servers.length]),
    describe: (req) => `${req.key} ${req.method} ${req.path.slice(0, 200)} ${shown(req.body)}`,
  });
  console.log(`fuzz: ${summary}`);
  assert.deepEqual(failures.slice(0, 25), [], `${failures.length} bad answers`);

  assert.deepEqual(await snapshot(), before, "the fuzz organization changed");
  await assertNothingWrittenBy([fx.adminActor, fx.tenantActor]);
});
