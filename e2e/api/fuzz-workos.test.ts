/**
 * Hostile input against the WorkOS family (/authorization, /organizations,
 * /user_management), over real HTTP: a seeded stream of requests to every
 * route the app serves there (read from its route files) — random JSON,
 * huge strings, deep nesting, wrong types, SQL and path-traversal strings,
 * NUL and lone surrogates, invalid UTF-8 and percent-encoding, pathological
 * glob-like external ids, huge page sizes and batches, hostile
 * Idempotency-Keys, unknown methods and paths — sent with an unrestricted,
 * an organization-restricted and a read-only key of their own (and no key,
 * a garbage key, a revoked key). A write can never succeed: it names
 * something that cannot exist, carries a field of the wrong type, or is
 * sent with the read-only key. Every answer is a 4xx (a well-formed read
 * may be a 200), never a 5xx, a hang or a stack trace; afterwards the fuzz
 * organization is exactly as before and no fuzz key wrote anything.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { NotFoundException } from "@workos-inc/node";
import { api, baseUrl, unique } from "./client";
import {
  assertNothingWrittenBy,
  CONTENT_TYPES,
  enc,
  fillPath,
  fuzz,
  HOSTILE,
  HOSTILE_QUERY,
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
  type Rng,
  type RouteOperation,
} from "./fuzz-kit";
import { resourceTypes, throwsTyped, workos } from "./workos-fixtures";

const servers = [...new Set([baseUrl, process.env.ARBOR_TEST_URL_B ?? baseUrl])];
const SEED = 0x3005_2026;
const REQUESTS = 1800;
const CONCURRENCY = 8;
const TIMEOUT_MS = 10_000;

const FIELDS = [
  "name", "description", "slug", "external_id", "organization_id", "resource_type_slug", "parent_resource_id", "parent_resource_external_id",
  "parent_resource_type_slug", "resource_id", "resource_external_id", "role_slug", "role_slugs", "permission_slug", "permissions", "user_id",
  "email", "first_name", "last_name", "organization_membership_id", "role_assignments", "assignment", "cascade_delete", "limit", "after", "before", "order",
];

/**
 * Writes whose path names nothing that could be hostile: the field that is
 * always sent with the wrong type, so such a write can only fail.
 */
const POISON: Record<string, string> = {
  "POST /authorization/permissions": "slug",
  "POST /authorization/roles": "name",
  "POST /authorization/resources": "organization_id",
  "POST /organizations": "name",
  "POST /user_management/users": "email",
  "POST /user_management/organization_memberships": "organization_id",
};

type Key = "admin" | "tenant" | "reader" | "none" | "garbage" | "revoked";
type FuzzRequest = { method: string; path: string; body?: string | Uint8Array; contentType?: string; key: Key; headers?: Record<string, string>; mayRead?: boolean };

type Fixture = {
  org: string;
  scopeId: string;
  type: string;
  resource: string;
  resourceExternalId: string;
  membership: string;
  user: string;
  group: string;
  role: string;
  orgRole: string;
  permission: string;
  assignment: string;
  groupAssignment: string;
  keys: Record<"admin" | "tenant" | "reader" | "revoked", string>;
  actors: string[];
};
const fx = {} as Fixture;
let operations: RouteOperation[] = [];

const isRead = (op: RouteOperation) => op.method === "GET" || /readOnly: true/.test(op.source);
const hasParams = (op: RouteOperation) => op.path.includes("{");
const json = (value: unknown) => JSON.stringify(value);
const wrong = (r: Rng) => r.pick(WRONG_TYPES);

/** Real ids of the fuzz organization, for requests that must get past the lookup of their path. */
const realPath = (op: RouteOperation) =>
  op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const ids: Record<string, string> = {
      organizationId: fx.org, resourceId: fx.resource, membershipId: fx.membership, groupId: fx.group, assignmentId: fx.assignment,
      slug: fx.role, permissionSlug: fx.permission, typeSlug: fx.type, externalId: enc(fx.resourceExternalId), id: fx.membership,
    };
    return ids[name] ?? "x";
  });

/** A random body a write cannot accept: a path id that cannot exist does it, else the operation's poison field. */
function hostileBody(r: Rng, op: RouteOperation): Record<string, unknown> {
  const body = randomObject(r, FIELDS);
  const poison = POISON[`${op.method} ${op.path}`];
  return poison ? { ...body, [poison]: wrong(r) } : body;
}

/** Well-formed requests that name real objects of the fuzz organization but something hostile or mistyped beside them. */
function nearMiss(r: Rng, h: () => string): [string, string, unknown, boolean?] {
  return r.pick<[string, string, unknown, boolean?]>([
    ["POST", "/authorization/resources", { organization_id: fx.org, resource_type_slug: h(), external_id: h(), name: "fuzz", parent_resource_id: fx.resource }],
    ["POST", "/authorization/resources", { organization_id: fx.org, resource_type_slug: fx.type, external_id: "fuzz", name: wrong(r) }],
    ["POST", "/authorization/resources", { organization_id: fx.org, resource_type_slug: fx.type, external_id: "fuzz", name: "fuzz", parent_resource_id: h() }],
    ["POST", "/authorization/resources", { organization_id: fx.org, resource_type_slug: fx.type, external_id: "fuzz", name: "fuzz", parent_resource_external_id: h(), parent_resource_type_slug: fx.type }],
    ["PATCH", `/authorization/resources/${fx.resource}`, { name: wrong(r), description: h() }],
    ["DELETE", `/authorization/organizations/${fx.org}/resources/${fx.type}/${enc(h())}`, undefined],
    ["POST", `/authorization/organization_memberships/${fx.membership}/role_assignments`, { role_slug: h(), resource_id: fx.resource }],
    ["POST", `/authorization/organization_memberships/${fx.membership}/role_assignments`, { role_slug: fx.role, resource_id: h() }],
    ["POST", `/authorization/organization_memberships/${fx.membership}/role_assignments`, { role_slug: fx.role, resource_external_id: h(), resource_type_slug: fx.type }],
    ["DELETE", `/authorization/organization_memberships/${fx.membership}/role_assignments`, { role_slug: h(), resource_id: fx.resource }],
    ["DELETE", `/authorization/organization_memberships/${fx.membership}/role_assignments/${enc(h())}`, undefined],
    ["PUT", `/authorization/roles/${fx.role}/permissions`, { permissions: [fx.permission, h()] }],
    ["POST", `/authorization/roles/${fx.role}/permissions`, { slug: h() }],
    ["PATCH", `/authorization/roles/${fx.role}`, { name: wrong(r) }],
    ["PATCH", `/authorization/permissions/${fx.permission}`, { name: wrong(r) }],
    ["POST", `/authorization/organizations/${fx.org}/roles`, { slug: "fuzz", name: wrong(r) }],
    ["PUT", `/authorization/organizations/${fx.org}/roles/${fx.orgRole}/permissions`, { permissions: [h()] }],
    ["DELETE", `/authorization/organizations/${fx.org}/roles/${fx.orgRole}/permissions/${enc(h())}`, undefined],
    ["POST", `/authorization/groups/${fx.group}/role_assignments`, { role_slug: h(), resource_id: fx.resource }],
    ["PUT", `/authorization/groups/${fx.group}/role_assignments`, { role_assignments: [{ role_slug: fx.role, resource_id: fx.resource }, { role_slug: h(), resource_id: h() }] }],
    ["DELETE", `/authorization/groups/${fx.group}/role_assignments/${enc(h())}`, undefined],
    ["POST", `/organizations/${fx.org}/groups`, { name: wrong(r), description: h() }],
    ["PATCH", `/organizations/${fx.org}/groups/${fx.group}`, { name: wrong(r) }],
    ["POST", `/organizations/${fx.org}/groups/${fx.group}/organization-memberships`, { organization_membership_id: h() }],
    ["DELETE", `/organizations/${fx.org}/groups/${fx.group}/organization-memberships/${enc(h())}`, undefined],
    ["POST", "/user_management/organization_memberships", { organization_id: fx.org, user_id: h(), role_slug: fx.role }],
    ["POST", "/user_management/organization_memberships", { organization_id: h(), user_id: fx.user }],
    ["PUT", `/user_management/organization_memberships/${fx.membership}`, { role_slugs: [fx.role, h()] }],
    ["POST", "/user_management/users", { email: wrong(r), first_name: h() }],
    ["POST", `/authorization/organization_memberships/${fx.membership}/check`, { permission_slug: r.pick([fx.permission, h()]), resource_id: r.pick([fx.resource, h()]) }, true],
    ["POST", `/authorization/organization_memberships/${fx.membership}/check`, { permission_slug: fx.permission, resource_external_id: r.pick([PATHOLOGICAL, h()]), resource_type_slug: fx.type }, true],
  ]);
}

function generate(r: Rng): FuzzRequest {
  const h = () => r.pick(HOSTILE);
  const key: Key = r.chance(0.04) ? r.pick(["none", "garbage", "revoked"] as const) : r.pick(["admin", "tenant", "admin", "tenant", "reader"] as const);
  const kind = r.int(0, 11);
  if (kind <= 1) {
    // Any route, hostile path ids, a random JSON object.
    const op = r.pick(operations);
    if (op.method === "GET") return { method: "GET", path: fillPath(r, op.path), key, mayRead: true };
    if (!hasParams(op) && !POISON[`${op.method} ${op.path}`] && !isRead(op)) throw new Error(`no poison field for ${op.method} ${op.path}`);
    return { method: op.method, path: fillPath(r, op.path), body: json(hostileBody(r, op)), contentType: "application/json", key, mayRead: isRead(op) };
  }
  if (kind === 2) {
    const [method, path, body, mayRead] = nearMiss(r, h);
    return { method, path, body: body === undefined ? undefined : json(body), contentType: "application/json", key, mayRead };
  }
  if (kind === 3) {
    // Reads of the fuzz organization with hostile filters: any answer but a 5xx is fine.
    const op = r.pick(operations.filter((o) => o.method === "GET"));
    const params = new URLSearchParams();
    for (let i = r.int(1, 5); i > 0; i--) {
      const name = r.pick(["limit", "before", "after", "order", "organization_id", "resource_type_slug", "parent_resource_id", "parent_resource_type_slug", "parent_external_id", "parent_resource_external_id", "permission_slug", "assignment", "role_slug", r.pick(HOSTILE)]);
      params.append(name, r.pick([...HOSTILE_QUERY, "100", "101", "1000000", "-1", "asc", "desc", "direct", "indirect", fx.resource, fx.permission]));
    }
    const raw = r.chance(0.1) ? `&${r.pick(["%ff=%fe", "a=%", "%00=%00", "limit=%c0%af", "order=%E0%A4%A"])}` : "";
    return { method: "GET", path: `${r.chance(0.6) ? realPath(op) : fillPath(r, op.path)}?${params}${raw}`, key, mayRead: true };
  }
  if (kind === 4) {
    // Bodies past every limit, or not JSON at all. Where the path names real objects only the read-only key sends
    // them (a route that never reads its body, a DELETE, would otherwise act); elsewhere the writing keys do.
    const op = r.pick(operations.filter((o) => o.method !== "GET"));
    const real = hasParams(op) && r.chance(0.5);
    const body = r.pick<() => string | Uint8Array | Record<string, unknown>>([
      () => nested(r.chance(0.1) ? 100_000 : r.int(17, 50) * 2),
      () => ({ role_assignments: Array.from({ length: r.int(101, 110) }, () => ({ role_slug: fx.role, resource_id: fx.resource })) }),
      () => ({ permissions: Array.from({ length: r.int(501, 2000) }, () => h().slice(0, 50)) }),
      () => ({ name: "x".repeat(1_100_000) }),
      () => ({ name: "x".repeat(r.int(201, 5000)), description: "d".repeat(r.int(2001, 9000)), external_id: "e".repeat(r.int(257, 1000)), slug: "s".repeat(300), email: "x".repeat(400) }),
      () => r.pick(UNREADABLE_BODIES),
    ])();
    const poison = POISON[`${op.method} ${op.path}`];
    const text = typeof body === "string" || body instanceof Uint8Array ? body : json(poison ? { ...body, [poison]: wrong(r) } : body);
    const contentType = typeof text === "string" && text.startsWith("{") ? "application/json" : r.pick([...CONTENT_TYPES, "application/json"]);
    const key = real ? "reader" : r.pick(["admin", "tenant"] as const);
    return { method: op.method, path: real ? realPath(op) : fillPath(r, op.path), body: text, contentType, key, mayRead: isRead(op) };
  }
  if (kind === 5) {
    // Wrong types for the fields of the routes without path ids.
    const path = r.pick(Object.keys(POISON)).split(" ")[1];
    const body = r.pick<unknown>([{ name: wrong(r), slug: wrong(r), organization_id: wrong(r), email: wrong(r), user_id: wrong(r) }, [wrong(r)], wrong(r), { ...randomObject(r, FIELDS), [POISON[`POST ${path}`]]: wrong(r) }]);
    return { method: "POST", path, body: json(body), contentType: "application/json", key };
  }
  if (kind === 6) {
    // Methods a route does not have, and methods nobody has.
    const op = r.pick(operations);
    const method = r.pick(["PUT", "PATCH", "DELETE", "POST", "GET", "PROPFIND", "FOO"].filter((m) => !operations.some((o) => o.path === op.path && o.method === m)));
    const body = method === "GET" || r.chance(0.5) ? undefined : json(hostileBody(r, op));
    return { method, path: r.chance(0.5) ? realPath(op) : fillPath(r, op.path), body, contentType: "application/json", key, mayRead: method === "GET" };
  }
  if (kind === 7) {
    // Idempotency keys: too long, hostile, or reused for a different request.
    const op = r.pick(operations.filter((o) => o.method === "POST" && !isRead(o)));
    const idempotencyKey = r.pick(["k".repeat(r.int(256, 400)), "' OR '1'='1", "../../etc/passwd", "%00", `fuzz-${r.int(0, 5)}`, "*", " "]);
    return { method: "POST", path: fillPath(r, op.path), body: json(hostileBody(r, op)), contentType: "application/json", key, headers: { "idempotency-key": idempotencyKey } };
  }
  if (kind === 8) {
    // Unknown paths under each prefix, and traversal out of it: reads only, so leaving the family can change nothing.
    const path = r.pick([
      `/authorization/${enc(h())}`,
      `/organizations/${fx.org}/${enc(h())}`,
      `/organizations/${enc(h())}/groups/${enc(h())}/${enc(h())}`,
      `/user_management/${enc(h())}`,
      `/user_management/users/${fx.user}/${enc(h())}`,
      "/authorization/resources/%2e%2e/%2e%2e/api/v1/organizations",
      "/organizations/..%2f..%2fapi%2fv1%2fapi-keys",
      "/user_management//users",
      "/authorization/resources/%00",
    ]);
    return { method: "GET", path, key, mayRead: true };
  }
  if (kind === 9) {
    // Pathological patterns where the API matches text: external ids and permission slugs.
    const key2 = r.pick(["admin", "tenant", "reader"] as const);
    return r.pick<FuzzRequest>([
      { method: "GET", path: `/authorization/organizations/${fx.org}/resources/${fx.type}/${enc(r.pick([PATHOLOGICAL, "a".repeat(250) + "*", h()]))}`, key: key2, mayRead: true },
      { method: "GET", path: `/authorization/organization_memberships/${fx.membership}/resources?permission_slug=${enc(r.pick([PATHOLOGICAL, fx.permission]))}&parent_resource_id=${fx.resource}&limit=100`, key: key2, mayRead: true },
      { method: "GET", path: `/authorization/resources/${fx.resource}/organization_memberships?permission_slug=${enc(r.pick([PATHOLOGICAL, fx.permission, "*"]))}&assignment=${r.pick(["direct", "indirect", h()])}`, key: key2, mayRead: true },
      { method: "GET", path: `/authorization/organization_memberships/${fx.membership}/resources/${fx.type}/${enc(r.pick([PATHOLOGICAL, fx.resourceExternalId]))}/permissions`, key: key2, mayRead: true },
    ]);
  }
  if (kind === 10) {
    // Hostile ids straight into every by-id read.
    const op = r.pick(operations.filter((o) => o.method === "GET" && hasParams(o)));
    return { method: "GET", path: fillPath(r, op.path), key, mayRead: true };
  }
  // Unreadable bodies under every content type.
  const op = r.pick(operations.filter((o) => o.method !== "GET"));
  return { method: op.method, path: fillPath(r, op.path), body: r.pick(UNREADABLE_BODIES), contentType: r.pick(CONTENT_TYPES), key: r.pick(["admin", "tenant"] as const), mayRead: isRead(op) };
}

/** Each of these once made the server answer 500 (or an HTML page); they are sent on every run, before the random ones. */
const found = (): FuzzRequest[] => [];

async function send(req: FuzzRequest, server: string) {
  const headers: Record<string, string> = { ...req.headers };
  const secret = req.key === "none" ? "" : req.key === "garbage" ? "sk_test_' OR '1'='1" : fx.keys[req.key];
  if (secret) headers.authorization = `Bearer ${secret}`;
  if (req.body !== undefined && req.contentType) headers["content-type"] = req.contentType;
  return timedFetch(`${server}${req.path}`, { method: req.method, headers, body: req.body as BodyInit | undefined }, TIMEOUT_MS);
}

async function snapshot() {
  const read = async (path: string) => (await api("GET", path)).body;
  return {
    organization: await organizationSnapshot(fx.org, fx.scopeId),
    // What the fuzz made in the shared root scope (types, permissions and environment roles live there in this family).
    role: await read(`/api/v1/roles/${fx.role}`),
    permission: await read(`/api/v1/permissions/${fx.permission}`),
    type: await read(`/api/v1/resource-types/${fx.type}`),
  };
}

before(async () => {
  const n = unique("fw");
  const admin = workos();
  fx.type = (await resourceTypes("doc")).doc;
  fx.permission = `${fx.type}:read`;
  await admin.authorization.createPermission({ slug: fx.permission, name: "Read" });
  fx.role = `${n}-reader`;
  await admin.authorization.createEnvironmentRole({ slug: fx.role, name: "Reader", resourceTypeSlug: fx.type });
  await admin.authorization.setEnvironmentRolePermissions(fx.role, { permissions: [fx.permission] });
  const org = await admin.organizations.createOrganization({ name: `Fuzz ${n}` });
  fx.org = org.id;
  fx.scopeId = (await api("GET", `/api/v1/organizations/${org.id}`)).body.scopeId;
  fx.orgRole = (await admin.authorization.createOrganizationRole(fx.org, { slug: `${n}-own`, name: "Own" })).slug;
  // External ids that make pattern matching work hardest: long runs of the pattern's letter without its final one.
  let parent: string | undefined;
  for (let i = 0; i < 4; i++) {
    const made = await admin.authorization.createResource({ organizationId: fx.org, resourceTypeSlug: fx.type, externalId: `${"a".repeat(250)}${i}`, name: `Doc ${i}`, ...(parent ? { parentResourceId: parent } : {}) });
    parent = made.id;
    fx.resourceExternalId = made.externalId;
  }
  fx.resource = parent!;
  const user = await admin.userManagement.createUser({ email: `${n}@example.com`, firstName: "Fuzz" });
  fx.user = user.id;
  fx.membership = (await admin.userManagement.createOrganizationMembership({ organizationId: fx.org, userId: user.id })).id;
  fx.assignment = (await admin.authorization.assignRole({ organizationMembershipId: fx.membership, roleSlug: fx.role, resourceId: fx.resource })).id;
  fx.group = (await admin.groups.createGroup({ organizationId: fx.org, name: "Fuzzers" })).id;
  await admin.groups.addOrganizationMembership({ organizationId: fx.org, groupId: fx.group, organizationMembershipId: fx.membership });
  fx.groupAssignment = (await admin.authorization.createGroupRoleAssignment({ groupId: fx.group, roleSlug: fx.role, resourceId: fx.resource })).id;

  const key = async (name: string, extra: object = {}) => {
    const res = await api("POST", "/api/v1/api-keys", { name, ...extra });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  const revoked = await key(`fuzz-workos-revoked-${n}`);
  await api("DELETE", `/api/v1/api-keys/${revoked.id}`);
  fx.keys = {
    admin: (await key(`fuzz-workos-${n}`)).secret,
    tenant: (await key(`fuzz-workos-tenant-${n}`, { organizationId: fx.org })).secret,
    reader: (await key(`fuzz-workos-reader-${n}`, { readOnly: true })).secret,
    revoked: revoked.secret,
  };
  fx.actors = [`key:fuzz-workos-${n}`, `key:fuzz-workos-tenant-${n}`, `key:fuzz-workos-reader-${n}`];

  operations = [...routeOperations("app/authorization", "/authorization"), ...routeOperations("app/organizations", "/organizations"), ...routeOperations("app/user_management", "/user_management")];
  assert.ok(operations.length >= 60, `every WorkOS route is fuzzed (${operations.length})`);
  for (const op of operations) {
    if (!hasParams(op) && !isRead(op)) assert.ok(POISON[`${op.method} ${op.path}`], `${op.method} ${op.path} needs a poison field`);
  }
});

test(`${REQUESTS} hostile requests to every WorkOS route: 4xx (or 200 for a well-formed read), never 5xx, a hang or a leak; nothing changes`, async () => {
  const before = await snapshot();
  const r = prng(SEED);
  const requests = [...found(), ...Array.from({ length: REQUESTS }, () => generate(r))];
  const { failures, summary } = await fuzz(requests, {
    concurrency: CONCURRENCY,
    send: (req, worker) => send(req, servers[worker % servers.length]),
    describe: (req) => `${req.key} ${req.method} ${req.path.slice(0, 200)} ${JSON.stringify(req.headers ?? {})} ${shown(req.body)}`,
  });
  console.log(`fuzz-workos: ${summary}`);
  assert.deepEqual(failures.slice(0, 25), [], `${failures.length} bad answers`);
  assert.deepEqual(await snapshot(), before, "the fuzz organization changed");
  await assertNothingWrittenBy(fx.actors);
});

test("unknown paths under every WorkOS prefix are a JSON 404 the SDK raises as NotFoundException", async () => {
  for (const path of ["/authorization/nope", "/organizations/org_x/nope/deeper", `/organizations/${fx.org}/groups/${fx.group}/nope`, "/user_management/nope", "/user_management/users/x/y"]) {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      const res = await fetch(`${baseUrl}${path}`, { method, headers: { authorization: `Bearer ${fx.keys.admin}` } });
      assert.equal(res.status, 404, `${method} ${path}`);
      assert.match(res.headers.get("content-type") ?? "", /^application\/json/, `${method} ${path}`);
      assert.equal((await res.json()).code, "not_found");
    }
  }
  const w = workos(fx.keys.admin);
  await throwsTyped(w.get("/organizations/org_x/nope"), NotFoundException);
  await throwsTyped(w.get("/user_management/nope"), NotFoundException);
});
