/**
 * Hostile input against the GenAuth family (/api/v3), over real HTTP: a
 * seeded stream of requests to every verb the app serves (read from its
 * route files). Most are signed correctly — with the SDK's own signing
 * functions — so they get past authentication into validation and the
 * domain: random JSON, huge strings, deep nesting, wrong types, SQL and
 * path-traversal strings, NUL and lone surrogates, pathological patterns in
 * codes, prefixes and conditions, page sizes and batches past every limit.
 * The rest attack the signature itself: none, garbage, a wrong secret, a
 * stale date, a replayed nonce, a revoked key. Keys: one bound to the fuzz
 * organization, a read-only one, and an unbound one (the default
 * organization). A write can never succeed: it carries a field of the wrong
 * type, names something that cannot exist, breaks a limit, or is refused by
 * the key; a delete of an unknown code is the one success allowed, since it
 * changes nothing. Every answer is a 4xx — in the envelope's statusCode
 * when HTTP says 200 — never a 5xx, a hang or a stack trace; afterwards the
 * fuzz organization is exactly as before and no fuzz key wrote anything.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { api, baseUrl, unique } from "./client";
import {
  assertNothingWrittenBy,
  CONTENT_TYPES,
  enc,
  fuzz,
  HOSTILE,
  nested,
  organizationSnapshot,
  PATHOLOGICAL,
  prng,
  randomObject,
  routeOperations,
  shown,
  timedFetch,
  UNREADABLE_BODIES,
  WRONG_TYPES,
  type Outcome,
  type Rng,
} from "./fuzz-kit";
import { accessKey, ok, signedRequest, type TestAccessKey } from "./genauth-fixtures";

const servers = [...new Set([baseUrl, process.env.ARBOR_TEST_URL_B ?? baseUrl])];
const SEED = 0x9e4a_2026;
const REQUESTS = 1600;
const CONCURRENCY = 8;
const TIMEOUT_MS = 10_000;

const FIELDS = [
  "code", "name", "description", "namespace", "type", "list", "codeList", "ids", "userId", "userIds", "userIdType", "targetType", "targetIdentifier",
  "targetIdentifiers", "targets", "resources", "resource", "action", "actions", "roles", "options", "organizationCode", "organizationName", "departmentId",
  "departmentIdType", "parentDepartmentId", "page", "limit", "keywords", "withDenied", "resourceList", "resourceType", "association", "appId", "tenantId",
  "newCode", "context", "email", "username", "externalId", "conditions", "effect",
];

/** For every verb that writes, a field it always validates as text or a list: sent with the wrong type, the write can only fail. */
const POISON: Record<string, string> = {
  "add-department-members": "organizationCode",
  "add-group-members": "code",
  "assign-role": "code",
  "associate-tenant-resource": "code",
  "authorize-resources": "list",
  "create-department": "organizationCode",
  "create-group": "code",
  "create-namespace": "code",
  "create-namespaces-batch": "list",
  "create-organization": "organizationCode",
  "create-resource": "code",
  "create-resources-batch": "list",
  "create-role": "code",
  "create-user": "email",
  "delete-department": "organizationCode",
  "delete-groups-batch": "codeList",
  "delete-namespace": "code",
  "delete-namespaces-batch": "codeList",
  "delete-resource": "code",
  "delete-resources-batch": "namespace",
  "delete-roles-batch": "codeList",
  "delete-users-batch": "userIds",
  "remove-department-members": "organizationCode",
  "remove-group-members": "code",
  "revoke-role": "code",
  "update-namespace": "code",
  "update-resource": "code",
  "update-role": "code",
};

type Verb = { name: string; method: "GET" | "POST"; write: boolean };
type Key = "tenant" | "reader" | "wide" | "revoked";
type Signing = "ok" | "none" | "garbage" | "wrong-secret" | "stale" | "future" | "no-nonce" | "replay" | "malformed";
type FuzzRequest = {
  method: string;
  path: string;
  /** What is signed (and, unless `raw` is given, sent). */
  params: Record<string, unknown>;
  raw?: string | Uint8Array;
  rawQuery?: string;
  contentType?: string;
  key: Key;
  signing: Signing;
  /** Replaces the Authorization header (`malformed`). */
  authorization?: string;
  /** A read, or a delete of something unknown: it may succeed because it changes nothing. */
  mayRead?: boolean;
};

type Fixture = {
  org: string;
  scopeId: string;
  ns: string;
  emptyNs: string;
  code: string;
  role: string;
  group: string;
  envGroup: string;
  corp: string;
  dept: string;
  user: string;
  keys: Record<Key, TestAccessKey>;
};
const fx = {} as Fixture;
let verbs: Verb[] = [];

const wrong = (r: Rng) => r.pick(WRONG_TYPES);
const path = (verb: string) => `/api/v3/${verb}`;

/** GET parameters travel as text: everything becomes a string (objects as JSON), arrays stay arrays of strings; empty arrays are never sent. */
function asQuery(params: Record<string, unknown>): Record<string, unknown> {
  const text = (v: unknown) => (typeof v === "string" ? v : v !== null && typeof v === "object" ? JSON.stringify(v) : String(v));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) {
    if (Array.isArray(v)) {
      if (v.length) out[k] = v.map(text);
    } else if (v !== undefined) out[k] = text(v);
  }
  return out;
}

function request(r: Rng, verb: Verb, params: Record<string, unknown>, key: Key = r.pick(["tenant", "tenant", "wide", "reader"] as const), mayRead = !verb.write): FuzzRequest {
  return { method: verb.method, path: path(verb.name), params: verb.method === "GET" ? asQuery(params) : params, key, signing: "ok", mayRead };
}

const verb = (name: string) => verbs.find((v) => v.name === name)!;

/** Well-formed calls naming the fuzz organization's real objects, with something hostile, unknown or mistyped beside them. */
function nearMiss(r: Rng, h: () => string): FuzzRequest {
  const bound = r.pick(["tenant", "reader"] as const);
  const cases: (() => FuzzRequest)[] = [
    () => request(r, verb("authorize-resources"), { namespace: fx.ns, list: [{ targetType: "USER", targetIdentifiers: [fx.user, h()], resources: [{ code: fx.code, actions: ["read"], resourceType: "DATA" }] }] }),
    () => request(r, verb("authorize-resources"), { namespace: fx.ns, list: [{ targetType: r.pick(["GROUP", "ROLE", "DEPARTMENT"]), targetIdentifiers: [h()], resources: [{ code: `${"*a".repeat(31)}*`, actions: ["*"], resourceType: "DATA", conditions: [{ param: "ip", operator: "StringLike", value: PATHOLOGICAL }] }] }] }),
    () => request(r, verb("authorize-resources"), { namespace: fx.ns, list: Array.from({ length: 10 }, () => ({ targetType: "USER", targetIdentifiers: Array.from({ length: 100 }, () => fx.user), resources: [{ code: "a", actions: ["read"], resourceType: "DATA" }, { code: "b", actions: ["read"], resourceType: "DATA" }] })) }),
    () => request(r, verb("authorize-resources"), { namespace: fx.ns, list: [{ targetType: "USER", targetIdentifiers: [fx.user], resources: [{ code: fx.code, actions: ["read"], resourceType: "DATA", conditions: [{ param: "n", operator: r.pick(["Regex", "Eval", "stringequals", h()]), value: r.pick([PATHOLOGICAL, ...WRONG_TYPES]) }] }] }] }),
    () => request(r, verb("assign-role"), { namespace: fx.ns, code: fx.role, targets: [{ targetType: "USER", targetIdentifier: fx.user }, { targetType: r.pick(["USER", "GROUP", "DEPARTMENT", "ROLE"]), targetIdentifier: h() }] }),
    () => request(r, verb("revoke-role"), { namespace: fx.ns, code: fx.role, targets: [{ targetType: "USER", targetIdentifier: h() }] }),
    () => request(r, verb("add-group-members"), { code: fx.group, userIds: [fx.user, h()] }),
    () => request(r, verb("remove-group-members"), { code: fx.group, userIds: [h(), fx.user] }),
    () => request(r, verb("add-department-members"), { organizationCode: fx.corp, departmentId: fx.dept, userIds: [h()] }),
    () => request(r, verb("remove-department-members"), { organizationCode: fx.corp, departmentId: r.pick([fx.dept, h()]), departmentIdType: r.pick(["department_id", "code", h()]), userIds: [h()] }),
    () => request(r, verb("create-department"), { organizationCode: fx.corp, name: "fuzz", parentDepartmentId: h() }),
    () => request(r, verb("delete-department"), { organizationCode: fx.corp, departmentId: h() }),
    () => request(r, verb("create-resource"), { namespace: fx.ns, code: h(), type: h(), actions: [{ name: h().slice(0, 64) }] }),
    () => request(r, verb("create-resources-batch"), { namespace: fx.ns, list: [{ code: "fuzz-ok", type: "DATA" }, { code: h(), type: h() }] }),
    () => request(r, verb("update-resource"), { namespace: fx.ns, code: fx.code, type: h() }),
    () => request(r, verb("update-resource"), { namespace: fx.ns, code: fx.code, actions: [{ name: wrong(r) }] }),
    () => request(r, verb("update-role"), { namespace: fx.ns, code: fx.role, newCode: fx.role, name: wrong(r) }),
    () => request(r, verb("update-namespace"), { code: fx.ns, name: wrong(r) }),
    () => request(r, verb("associate-tenant-resource"), { code: fx.code, association: true, appId: fx.ns, tenantId: h() }),
    () => request(r, verb("delete-resources-batch"), { namespace: fx.ns, codeList: [h()], ids: [wrong(r)] }),
    // All or nothing: the role is assigned (409), the namespace holds resources (409); nothing of the batch goes.
    () => request(r, verb("delete-roles-batch"), { namespace: fx.ns, codeList: [fx.role] }),
    () => request(r, verb("delete-namespaces-batch"), { codeList: [fx.emptyNs, fx.ns] }, bound),
    // Shared by every organization: 403 for a key bound to one (an unbound key would act, so it never sends these).
    () => request(r, verb("delete-groups-batch"), { codeList: [fx.group, fx.envGroup] }, bound),
    () => request(r, verb("delete-users-batch"), { userIds: [fx.user, h()] }, bound),
    () => request(r, verb("add-group-members"), { code: fx.envGroup, userIds: [fx.user] }, bound),
    // Deletes of what cannot exist: idempotent successes that change nothing.
    () => request(r, verb("delete-resource"), { namespace: fx.ns, code: h() }, undefined, true),
    () => request(r, verb("delete-groups-batch"), { codeList: [h(), h()] }, undefined, true),
    () => request(r, verb("delete-resources-batch"), { namespace: fx.ns, codeList: [h()], ids: [h().slice(0, 100)] }, undefined, true),
    // Decisions and reads with hostile parts.
    () => request(r, verb("is-action-allowed"), { userId: r.pick([fx.user, h()]), action: r.pick(["read", h()]), resource: r.pick([fx.code, h()]), namespace: fx.ns, context: { ip: r.pick(["a".repeat(1000), h()]), [h().slice(0, 30)]: wrong(r) } }),
    () => request(r, verb("has-any-role"), { userId: fx.user, roles: Array.from({ length: r.int(1, 51) }, () => ({ code: r.pick([fx.role, h()]), namespace: r.pick([fx.ns, h()]) })) }),
    () => request(r, verb("get-resource-authorized-targets"), { resource: r.pick([fx.code, h()]), namespace: fx.ns, targetType: r.pick(["USER", "GROUP", h()]), page: r.pick([1, 2, 1e9, 1e21, -1, h()]), limit: r.pick([1, 50, 51, 1e6, h()]) }),
  ];
  return r.pick(cases)();
}

/** Reads of the fuzz organization with hostile filters, prefixes, page sizes and lists. */
function hostileRead(r: Rng, h: () => string): FuzzRequest {
  const page = () => r.pick<unknown>([1, 2, 0, -1, 1e9, 1e21, 1.5, "NaN", h()]);
  const limit = () => r.pick<unknown>([1, 50, 51, 1000000, 0, h()]);
  const cases: [string, Record<string, unknown>][] = [
    ["list-resources", { namespace: r.pick([fx.ns, h()]), type: r.pick(["DATA", "API", h()]), page: page(), limit: limit() }],
    ["list-namespaces", { page: page(), limit: limit(), keywords: r.pick([h(), "%", "_", PATHOLOGICAL.slice(0, 200)]) }],
    ["list-roles", { namespace: fx.ns, keywords: h().slice(0, 300), page: page(), limit: limit() }],
    ["list-namespace-roles", { code: fx.ns, keywords: h(), page: page() }],
    ["list-group-members", { code: r.pick([fx.group, fx.envGroup, h()]), page: page(), limit: limit() }],
    ["list-role-members", { code: fx.role, namespace: fx.ns, page: page(), limit: limit() }],
    ["get-authorized-resources", { targetType: r.pick(["USER", "GROUP", "ROLE", "DEPARTMENT", h()]), targetIdentifier: r.pick([fx.user, fx.group, fx.role, fx.dept, h()]), namespace: fx.ns, resourceList: Array.from({ length: r.int(1, 51) }, () => r.pick([PATHOLOGICAL.slice(0, 256), `${fx.code}*`, h()])), withDenied: r.pick(["true", "false", h()]) }],
    ["get-authorized-resources", { targetType: "USER", targetIdentifier: fx.user, namespace: fx.ns, resourceList: r.pick(["a,b,c", ",,,", PATHOLOGICAL.slice(0, 256), h()]) }],
    ["get-user-authorized-resources", { userId: r.pick([fx.user, h()]), userIdType: r.pick(["user_id", "external_id", "phone", h()]), namespace: r.pick([fx.ns, h()]), resourceType: r.pick(["DATA", h()]) }],
    ["get-resources-batch", { namespace: fx.ns, codeList: Array.from({ length: r.int(1, 55) }, () => r.pick([fx.code, h()])) }],
    ["get-namespaces-batch", { codeList: r.pick([Array.from({ length: r.int(1, 55) }, () => r.pick([fx.ns, h()])), `${fx.ns},${h()}`]) }],
    ["get-user-roles", { userId: fx.user, namespace: r.pick([fx.ns, h()]) }],
    ["get-user-groups", { userId: r.pick([fx.user, h()]), userIdType: r.pick(["user_id", h()]) }],
    ["get-group-authorized-resources", { code: r.pick([fx.group, h()]), namespace: fx.ns, resourceType: r.pick(["DATA", h()]) }],
    ["get-role-authorized-resources", { code: r.pick([fx.role, h()]), namespace: fx.ns }],
  ];
  const [name, params] = r.pick(cases);
  return request(r, verb(name), params, r.pick(["tenant", "reader", "wide"] as const), true);
}

/** Lists and strings just past each documented limit (going further only costs time); every item otherwise valid. */
function overLimit(r: Rng): FuzzRequest {
  const codes = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);
  const cases: [string, Record<string, unknown>][] = [
    ["delete-groups-batch", { codeList: codes(51) }],
    ["delete-users-batch", { userIds: codes(51) }],
    ["delete-resources-batch", { namespace: fx.ns, codeList: codes(51) }],
    ["delete-roles-batch", { namespace: fx.ns, codeList: codes(51) }],
    ["delete-namespaces-batch", { codeList: codes(51) }],
    ["create-resources-batch", { namespace: fx.ns, list: codes(51).map((code) => ({ code, type: "DATA" })) }],
    ["create-namespaces-batch", { list: codes(51).map((code) => ({ code: `n${code}`, name: code })) }],
    ["add-group-members", { code: fx.group, userIds: Array.from({ length: 101 }, () => fx.user) }],
    ["add-department-members", { organizationCode: fx.corp, departmentId: fx.dept, userIds: Array.from({ length: 101 }, () => fx.user) }],
    ["assign-role", { namespace: fx.ns, code: fx.role, targets: Array.from({ length: 101 }, () => ({ targetType: "USER", targetIdentifier: fx.user })) }],
    ["authorize-resources", { namespace: fx.ns, list: Array.from({ length: 11 }, () => ({ targetType: "USER", targetIdentifiers: [fx.user], resources: [{ code: "x", actions: ["read"], resourceType: "DATA" }] })) }],
    ["authorize-resources", { namespace: fx.ns, list: [{ targetType: "USER", targetIdentifiers: [fx.user], resources: [{ code: "x", actions: codes(51), resourceType: "DATA" }] }] }],
    ["create-resource", { namespace: fx.ns, code: "fuzz-over", type: "DATA", actions: codes(101).map((name) => ({ name })) }],
    ["create-resource", { namespace: fx.ns, code: "x".repeat(65), type: "DATA" }],
    ["create-group", { code: "fuzz-over", name: "x".repeat(r.int(201, 5000)) }],
    ["create-user", { username: "x".repeat(r.int(201, 5000)), externalId: "e".repeat(257) }],
    ["create-namespace", { code: `n${"x".repeat(64)}` }],
    ["has-any-role", { userId: fx.user, roles: Array.from({ length: 51 }, () => ({ code: "x" })) }],
    ["is-action-allowed", { userId: fx.user, action: "read", resource: fx.code, namespace: fx.ns, context: { big: "x".repeat(r.int(1001, 50_000)) } }],
  ];
  const [name, params] = r.pick(cases);
  return request(r, verb(name), params, r.pick(["tenant", "wide"] as const), name === "is-action-allowed" || name === "has-any-role");
}

function generate(r: Rng): FuzzRequest {
  const h = () => r.pick(HOSTILE);
  const kind = r.int(0, 11);
  if (kind <= 2) {
    // Any verb, a random object of GenAuth's vocabulary; a write always carries its poison field.
    const v = r.pick(verbs);
    const params = randomObject(r, FIELDS);
    if (v.write) params[POISON[v.name]] = wrong(r);
    return request(r, v, params);
  }
  if (kind === 3 || kind === 4) return nearMiss(r, h);
  if (kind === 5) return hostileRead(r, h);
  if (kind === 6) return overLimit(r);
  if (kind === 7) {
    // Bodies that are not JSON objects, too deep or too large: refused before the signature is looked at.
    const v = r.pick(verbs.filter((x) => x.method === "POST"));
    const raw = r.pick<() => string | Uint8Array>([
      () => r.pick(UNREADABLE_BODIES),
      () => nested(r.chance(0.1) ? 100_000 : r.int(17, 50) * 2),
      () => JSON.stringify({ code: "x".repeat(1_100_000) }),
      () => JSON.stringify(r.pick<unknown>([[1, 2], "text", 42, null, true])),
      () => JSON.stringify({ code: r.pick(["a\u0000b", "\ud800", "lone \udfff"]), [r.pick(["k\u0000", "\udc00"])]: 1 }),
    ])();
    return { method: "POST", path: path(v.name), params: {}, raw, contentType: r.pick([...CONTENT_TYPES, "application/json"]), key: "tenant", signing: "ok" };
  }
  if (kind === 8) {
    // The signature itself: missing, garbage, forged, stale, replayed, or made by a revoked key.
    const v = r.pick(verbs);
    const signing = r.pick<Signing>(["none", "garbage", "wrong-secret", "stale", "future", "no-nonce", "replay", "malformed"]);
    const params = v.write ? { [POISON[v.name]]: wrong(r) } : { code: h() };
    const id = fx.keys.tenant.accessKeyId;
    const authorization = r.pick(["authing", "authing :", `authing ${id}`, "Bearer x", `authing ${"a".repeat(5000)}:b`, `authing ${id}:${"A".repeat(28)}= extra`]);
    return { ...request(r, v, params, "tenant", false), signing, ...(signing === "malformed" ? { authorization } : {}) };
  }
  if (kind === 9) {
    // A revoked key, well signed: refused at once whatever it asks.
    const v = r.pick(verbs);
    return { ...request(r, v, v.write ? { [POISON[v.name]]: wrong(r) } : {}, "revoked", false) };
  }
  if (kind === 10) {
    // Methods a verb does not have, unknown verbs, traversal out of /api/v3, hostile query text.
    const v = r.pick(verbs);
    return r.pick<FuzzRequest>([
      { method: v.method === "GET" ? "POST" : "GET", path: path(v.name), params: {}, key: "tenant", signing: "ok" },
      { method: r.pick(["PUT", "DELETE", "PATCH"]), path: path(v.name), params: {}, key: "tenant", signing: "ok" },
      { method: r.pick(["GET", "POST"]), path: `/api/v3/${enc(h())}`, params: {}, key: "tenant", signing: "ok" },
      { method: "GET", path: r.pick(["/api/v3/%2e%2e/v1/organizations", "/api/v3/list-roles/../../v1/api-keys", "/api/v3//list-roles", "/api/v3/list-roles/%00", "/api/v3/%ff"]), params: {}, key: "tenant", signing: "ok", mayRead: true },
      { method: "GET", path: path(r.pick(verbs.filter((x) => x.method === "GET")).name), params: {}, rawQuery: r.pick(["%ff=%fe", "a=%", "%00=%00", "limit=%c0%af", "page[]=1&page[]=2", "codeList[][]=x", `namespace=${enc(h())}&namespace=${fx.ns}`]), key: "tenant", signing: "ok", mayRead: true },
    ]);
  }
  // Wrong types for the fields of each write.
  const v = r.pick(verbs.filter((x) => x.write));
  const params: Record<string, unknown> = { [POISON[v.name]]: wrong(r) };
  for (const field of ["code", "name", "namespace", "list", "userIds", "targets", "organizationCode", "codeList"]) if (r.chance(0.4)) params[field] = wrong(r);
  return request(r, v, params);
}

/** Each of these once made the server answer 500; they are sent on every run, before the random ones. */
const found = (): FuzzRequest[] => [];

const stale = () => new Date(Date.now() - 20 * 60_000);

async function send(req: FuzzRequest, server: string): Promise<Outcome> {
  const key = fx.keys[req.key];
  const signed = signedRequest({
    method: req.method === "GET" ? "GET" : "POST",
    path: req.path,
    params: req.params,
    accessKeyId: req.signing === "garbage" ? "ak_' OR '1'='1" : key.accessKeyId,
    secret: req.signing === "wrong-secret" ? "not-the-secret-at-all" : key.secret,
    date: req.signing === "stale" ? stale() : req.signing === "future" ? new Date(Date.now() + 20 * 60_000) : undefined,
  }, server);
  const headers = signed.init.headers as Record<string, string>;
  if (req.signing === "none") delete headers.authorization;
  if (req.signing === "no-nonce") delete headers["x-authing-signature-nonce"];
  if (req.authorization !== undefined) headers.authorization = req.authorization;
  if (req.contentType !== undefined) headers["content-type"] = req.contentType;
  const url = req.rawQuery !== undefined ? `${server}${req.path}?${req.rawQuery}` : signed.url;
  const init: RequestInit = { method: req.method, headers, body: req.method === "GET" ? undefined : (req.raw as BodyInit | undefined) ?? signed.init.body };
  if (!["GET", "POST"].includes(req.method) && req.raw === undefined) init.body = undefined;
  const first = await timedFetch(url, init, TIMEOUT_MS);
  // A replay: the very same request again must be refused, whatever the first answer was.
  return req.signing === "replay" ? timedFetch(url, init, TIMEOUT_MS) : first;
}

/** HTTP 200 carries the real answer in the envelope's statusCode. */
function statusOf(outcome: Outcome): number {
  try {
    return JSON.parse(outcome.text).statusCode ?? 0;
  } catch {
    return 0;
  }
}

before(async () => {
  const n = unique("fg");
  const org = await api("POST", "/api/v1/organizations", { externalId: n, name: `GenAuth fuzz ${n}` });
  assert.equal(org.status, 201, JSON.stringify(org.body));
  Object.assign(fx, { org: org.body.id, scopeId: org.body.scopeId });
  const setup = (await accessKey({ name: `fuzz-genauth-setup-${n}`, organizationId: fx.org })).sdk;
  fx.ns = `${n}-ns`;
  fx.emptyNs = `${n}-empty`;
  await ok(setup, "createNamespacesBatch", { list: [{ code: fx.ns, name: "Fuzz" }, { code: fx.emptyNs, name: "Empty" }] });
  await ok(setup, "getNamespace", { code: "default" });
  // Codes that make prefix and pattern matching work hardest: long runs of the pattern's letter.
  fx.code = `${"a".repeat(60)}0`;
  await ok(setup, "createResourcesBatch", { namespace: fx.ns, list: [fx.code, `${"a".repeat(60)}1`, "books:1"].map((code) => ({ code, type: "DATA", actions: [{ name: "read", description: "" }] })) });
  fx.role = `${n}-role`;
  await ok(setup, "createRole", { namespace: fx.ns, code: fx.role });
  fx.group = `${n}-grp`;
  await ok(setup, "createGroup", { code: fx.group, name: "Fuzzers" });
  fx.envGroup = `${n}-everyone`;
  assert.equal((await api("POST", "/api/v1/groups", { externalId: fx.envGroup, name: "Everyone" })).status, 201);
  fx.corp = `${n}-corp`;
  await ok(setup, "createOrganization", { organizationCode: fx.corp, organizationName: "Corp" });
  fx.dept = (await ok(setup, "createDepartment", { organizationCode: fx.corp, name: "Sales", parentDepartmentId: "root" })).departmentId;
  fx.user = (await ok(setup, "createUser", { username: `${n}-user`, externalId: `${n}-user` })).userId;
  await ok(setup, "addGroupMembers", { code: fx.group, userIds: [fx.user] });
  await ok(setup, "addDepartmentMembers", { organizationCode: fx.corp, departmentId: fx.dept, userIds: [fx.user] });
  await ok(setup, "assignRole", { namespace: fx.ns, code: fx.role, targets: [{ targetType: "USER", targetIdentifier: fx.user }] });
  await ok(setup, "authorizeResources", {
    namespace: fx.ns,
    list: [
      { targetType: "USER", targetIdentifiers: [fx.user], resources: [{ code: `${"*a".repeat(31)}*`, actions: ["read"], resourceType: "DATA", conditions: [{ param: "ip", operator: "StringLike", value: PATHOLOGICAL.slice(0, 200) }] }] },
      { targetType: "GROUP", targetIdentifiers: [fx.group], resources: [{ code: fx.code, actions: ["read"], resourceType: "DATA" }, { code: "books:*", actions: ["*"], resourceType: "DATA", effect: "DENY" }] },
    ],
  });

  const revoked = await accessKey({ name: `fuzz-genauth-revoked-${n}`, organizationId: fx.org });
  assert.equal((await api("DELETE", `/api/v1/access-keys/${revoked.id}`)).status, 200);
  fx.keys = {
    tenant: await accessKey({ name: `fuzz-genauth-${n}`, organizationId: fx.org }),
    reader: await accessKey({ name: `fuzz-genauth-reader-${n}`, organizationId: fx.org, readOnly: true }),
    wide: await accessKey({ name: `fuzz-genauth-wide-${n}` }),
    revoked,
  };

  verbs = routeOperations("app/api/v3", "/api/v3").map((op) => ({ name: op.path.slice("/api/v3/".length), method: op.method as "GET" | "POST", write: /write: true/.test(op.source) }));
  assert.ok(verbs.length >= 50, `every GenAuth verb is fuzzed (${verbs.length})`);
  for (const v of verbs) if (v.write) assert.ok(POISON[v.name], `${v.name} needs a poison field`);
});

test(`${REQUESTS} hostile requests to every GenAuth verb, mostly well signed: 4xx (or 200 for a read), never 5xx, a hang or a leak; nothing changes`, async () => {
  const before = await organizationSnapshot(fx.org, fx.scopeId);
  const r = prng(SEED);
  const requests = [...found(), ...Array.from({ length: REQUESTS }, () => generate(r))];
  const { failures, summary } = await fuzz(requests, {
    concurrency: CONCURRENCY,
    send: (req, worker) => send(req, servers[worker % servers.length]),
    describe: (req) => `${req.key}/${req.signing} ${req.method} ${req.path.slice(0, 100)} ${req.rawQuery ?? ""} ${req.raw !== undefined ? shown(req.raw) : JSON.stringify(req.params).slice(0, 300)}`,
    statusOf,
  });
  console.log(`fuzz-genauth: ${summary}`);
  assert.deepEqual(failures.slice(0, 25), [], `${failures.length} bad answers`);
  assert.deepEqual(await organizationSnapshot(fx.org, fx.scopeId), before, "the fuzz organization changed");
  await assertNothingWrittenBy(Object.values(fx.keys).map((k) => `access-key:${k.name}`));
});
