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

// On PostgreSQL `npm test` runs two app processes on one database: the requests are spread over both.
const servers = [...new Set([baseUrl, process.env.ARBOR_TEST_URL_B ?? baseUrl])];
const SEED = 0x5eed_2026;
const REQUESTS = 2000;
const CONCURRENCY = 8;
const TIMEOUT_MS = 10_000;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)];
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

const PATHOLOGICAL = `${"*a".repeat(120)}*b`;

/**
 * Strings that can name no object: each holds a character no id, key or
 * slug may contain, or is far too long — so a write naming one can only fail.
 */
const HOSTILE = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  "1; SELECT pg_sleep(10)--",
  "\" OR \"\"=\"",
  "') UNION SELECT hash FROM api_keys --",
  "../../../../etc/passwd",
  "..\\..\\..\\windows\\win.ini",
  "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
  "/api/v1/api-keys",
  "a\u0000b",
  "\u0000",
  "line\nbreak",
  "tab\there",
  "${7*7}",
  "{{7*7}}",
  "<script>alert(1)</script>",
  "%s%s%s%n",
  "\ud800",
  "lone \udfff surrogate",
  "\u202eevil",
  "emoji 😀 ∀",
  "   ",
  "*",
  "%",
  "_%_",
  "a*a*a*a*a*a*a*a*a*a*a*b",
  PATHOLOGICAL,
  "x".repeat(5000),
  "é".repeat(20_000),
  "group:' OR 1=1 --",
  "user:../admin",
  "document:../../x",
  "organization:' OR 1=1",
  "role:*",
  "membership:%00",
  "authz_resource_' OR 1=1",
  "org_../../",
  "-1",
  "1e309",
  "9999999999999999999999",
  "NaN",
];

/** Query values: the hostile strings plus numbers and dates far out of range. */
const HOSTILE_QUERY = [...HOSTILE, "0", "-5", "1.5", "1e22", "Infinity", "true", "-200000-01-01T00:00:00Z", "+275760-09-13T00:00:00Z", "0001-01-01", "not a date"];

const FIELDS = ["name", "id", "externalId", "organizationId", "organization", "subject", "resource", "role", "actions", "type", "parentId", "scopeId", "key", "slug", "permissions", "checks", "patterns", "context", "conditions", "limit", "cursor", "atLeastAsFresh", "userId", "email", "metadata", "effect", "resourcePattern", "includes", "readOnly"];

function randomJson(r: Rng, depth = 0): unknown {
  const kind = r.int(0, depth > 3 ? 3 : 6);
  if (kind === 0) return r.pick(HOSTILE);
  if (kind === 1) return r.pick([0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 63]);
  if (kind === 2) return r.pick([true, false, null]);
  if (kind === 3) return "";
  if (kind === 4) return Array.from({ length: r.int(0, 4) }, () => randomJson(r, depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = r.int(0, 5); i > 0; i--) out[r.chance(0.7) ? r.pick(FIELDS) : r.pick(HOSTILE)] = randomJson(r, depth + 1);
  return out;
}

/** An object no strict schema accepts: it always carries a key no schema knows. */
function malformedObject(r: Rng): Record<string, unknown> {
  const value = randomJson(r, 1);
  const base = value && typeof value === "object" && !Array.isArray(value) ? value : {};
  return { ...base, [`\u0001${r.pick(HOSTILE)}`]: randomJson(r, 2) };
}

/** JSON text nested `depth` levels deep, objects and arrays alternating. */
const nested = (depth: number) => '[{"a":'.repeat(depth / 2) + '"deep"' + "}]".repeat(depth / 2);

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

/** Percent-encodes; a lone surrogate, which has no UTF-8 form, becomes the bytes it would have had (invalid UTF-8). */
const enc = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return `%ED%A0%80${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ""))}`;
  }
};

const fill = (r: Rng, path: string) =>
  path.replace(/\{(\w+)\}/g, () => {
    const value = r.pick(HOSTILE);
    return r.chance(0.8) ? enc(value) : r.pick(["%ff%fe", "%c0%af", "%", "%E0%A4%A", "..%2f..%2f", value.replace(/[/?#]/g, "")]);
  });

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
    const body = r.pick<string | Uint8Array>([
      "{",
      "{\"name\":",
      "[1,2,",
      "nul\u0000l",
      "{\"a\":1}{\"b\":2}",
      "\uFEFF{\"x\":1,}",
      new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d]),
      new Uint8Array([0xed, 0xa0, 0x80, 0x00, 0xf8, 0x88, 0x80, 0x80, 0x80]),
      "<?xml version=\"1.0\"?><a/>",
      "a=1&b=2",
      "",
    ]);
    const contentType = r.pick(["application/json", "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=utf-16", "", "\u0000"]);
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
      wrong(),
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

/** Database errors and stack traces look like this; hostile inputs echoed back in messages do not. */
const LEAK = /\n\s+at |node_modules|\.tsx?:\d+|syntax error at|violates|duplicate key|invalid input syntax|invalid byte sequence|out of range|PostgresError|pglite|relation "|column "|DETAIL:|HINT:/i;

async function send(req: FuzzRequest, server: string) {
  const headers: Record<string, string> = {};
  const secret = { admin: fx.adminKey, tenant: fx.tenantKey, none: "", garbage: "arbor_sk_'OR'1'='1'--" }[req.key];
  if (secret) headers.authorization = `Bearer ${secret}`;
  if (req.body !== undefined && req.contentType) headers["content-type"] = req.contentType.replace(/\u0000/g, "");
  const started = Date.now();
  try {
    const res = await fetch(`${server}${req.path}`, { method: req.method, headers, body: req.body as BodyInit | undefined, signal: AbortSignal.timeout(TIMEOUT_MS) });
    return { status: res.status, text: await res.text(), ms: Date.now() - started };
  } catch (error) {
    return { status: 0, text: String(error), ms: Date.now() - started };
  }
}

async function snapshot() {
  const get = async (path: string) => {
    const res = await api("GET", path);
    assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const own = (items: any[]) => items.filter((x) => x.scopeId === fx.scopeId);
  return {
    organization: await get(`/api/v1/organizations/${fx.org}`),
    scope: await get(`/api/v1/scopes/${fx.scopeId}`),
    resources: (await get(`/api/v1/resources?organization=${fx.org}&limit=1000`)).data,
    groups: (await get(`/api/v1/groups?organization=${fx.org}&limit=1000`)).data,
    departments: (await get(`/api/v1/departments?organization=${fx.org}&limit=1000`)).data,
    memberships: (await get(`/api/v1/memberships?organization=${fx.org}&limit=1000`)).data,
    grants: (await get(`/api/v1/grants?organization=${fx.org}&limit=1000`)).data,
    types: own((await get(`/api/v1/resource-types?scopeId=${fx.scopeId}`)).data),
    permissions: own((await get(`/api/v1/permissions?scopeId=${fx.scopeId}`)).data),
    roles: own((await get(`/api/v1/roles?scopeId=${fx.scopeId}`)).data),
  };
}

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
  const failures: string[] = [];
  const tally = new Map<number, number>();
  let next = 0;
  let slowest = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      while (next < requests.length) {
        const req = requests[next++];
        const res = await send(req, servers[worker % servers.length]);
        tally.set(res.status, (tally.get(res.status) ?? 0) + 1);
        slowest = Math.max(slowest, res.ms);
        const refused = res.status >= 400 && res.status < 500;
        const describe = `${req.key} ${req.method} ${req.path.slice(0, 200)} ${typeof req.body === "string" ? req.body.slice(0, 200) : req.body ? "<bytes>" : ""} → ${res.status} ${res.text.slice(0, 300)}`;
        if (!(refused || (req.mayRead && res.status === 200))) failures.push(describe);
        else if (LEAK.test(res.text)) failures.push(`leak: ${describe}`);
      }
    }),
  );
  console.log(`fuzz: ${requests.length} requests, statuses ${JSON.stringify(Object.fromEntries([...tally].sort()))}, slowest ${slowest} ms`);
  assert.deepEqual(failures.slice(0, 25), [], `${failures.length} bad answers`);

  assert.deepEqual(await snapshot(), before, "the fuzz organization changed");
  for (const actor of [fx.adminActor, fx.tenantActor]) {
    const written = await api("GET", `/api/v1/changes?actor=${encodeURIComponent(actor)}&limit=10`);
    assert.deepEqual(written.body.data, [], `${actor} wrote something`);
  }
});
