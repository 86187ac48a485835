/**
 * What the fuzz tests of every API family share (fuzz.test.ts,
 * fuzz-workos.test.ts, fuzz-genauth.test.ts): a seeded random generator,
 * hostile strings and bodies, percent-encoding that may be invalid, the
 * runner that sends each request with a time limit and judges the answer,
 * and the snapshot that proves a fuzzed organization unchanged afterwards.
 */
import fs from "node:fs";
import path from "node:path";
import assert from "node:assert/strict";
import { api } from "./client";

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function prng(seed: number) {
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
export type Rng = ReturnType<typeof prng>;

/** A glob that backtracks catastrophically in a naive matcher against a long run of `a`s. */
export const PATHOLOGICAL = `${"*a".repeat(120)}*b`;

/**
 * Strings that can name no object: each holds a character no id, key or
 * slug may contain, or is far too long — so a write naming one can only fail.
 */
export const HOSTILE = [
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
export const HOSTILE_QUERY = [...HOSTILE, "0", "-5", "1.5", "1e22", "Infinity", "true", "-200000-01-01T00:00:00Z", "+275760-09-13T00:00:00Z", "0001-01-01", "not a date"];

/**
 * Values of the wrong type for any text field, so a write carrying one in a
 * field it reads can only fail (null is left out: clearing a nullable field is a valid write).
 */
export const WRONG_TYPES: readonly unknown[] = [123, -1e308, true, [], {}, [["x"]], { $ne: null }, { $gt: "" }];

/** A random JSON value whose object keys come mostly from `fields` (the family's vocabulary), the rest hostile. */
export function randomJson(r: Rng, fields: readonly string[], depth = 0): unknown {
  const kind = r.int(0, depth > 3 ? 3 : 6);
  if (kind === 0) return r.pick(HOSTILE);
  if (kind === 1) return r.pick([0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 63]);
  if (kind === 2) return r.pick([true, false, null]);
  if (kind === 3) return "";
  if (kind === 4) return Array.from({ length: r.int(0, 4) }, () => randomJson(r, fields, depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = r.int(0, 5); i > 0; i--) out[r.chance(0.7) ? r.pick(fields) : r.pick(HOSTILE)] = randomJson(r, fields, depth + 1);
  return out;
}

/** A random JSON object (never an array or scalar). */
export function randomObject(r: Rng, fields: readonly string[]): Record<string, unknown> {
  const value = randomJson(r, fields, 1);
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** JSON text nested `depth` levels deep, objects and arrays alternating. */
export const nested = (depth: number) => '[{"a":'.repeat(depth / 2) + '"deep"' + "}]".repeat(depth / 2);

/** Bodies that are not JSON at all, or bytes that are not UTF-8. */
export const UNREADABLE_BODIES: readonly (string | Uint8Array)[] = [
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
];

export const CONTENT_TYPES = ["application/json", "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/json; charset=utf-16", ""];

/** Percent-encodings that do not decode (overlong, truncated, lone `%`), and traversal. */
const BAD_ENCODINGS = ["%ff%fe", "%c0%af", "%", "%E0%A4%A", "..%2f..%2f"];

/** Percent-encodes; a lone surrogate, which has no UTF-8 form, becomes the bytes it would have had (invalid UTF-8). */
export const enc = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return `%ED%A0%80${encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ""))}`;
  }
};

/**
 * Fills each `{param}` of a path template with a hostile value, usually well
 * encoded, sometimes not at all. Unencoded, it keeps no `/`, `?`, `#` or `\`
 * (which URLs read as `/`): a path that climbed out of its family would be
 * answered by another part of the app (the console sends it to sign-in).
 */
export const fillPath = (r: Rng, template: string) =>
  template.replace(/\{(\w+)\}/g, () => {
    const value = r.pick(HOSTILE);
    return r.chance(0.8) ? enc(value) : r.pick([...BAD_ENCODINGS, value.replace(/[/?#\\]/g, "")]);
  });

/** One route of an API family, read from the app's route files (so a new route is fuzzed without being listed here). */
export type RouteOperation = { method: string; path: string; source: string };

/**
 * Every route handler under `dir` (relative to the repository root) with
 * its URL template (`[id]` → `{id}`); catch-all routes are left out.
 */
export function routeOperations(dir: string, urlPrefix: string): RouteOperation[] {
  const root = path.join(process.cwd(), dir);
  const out: RouteOperation[] = [];
  const walk = (folder: string, segments: string[]) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name.startsWith("_") || entry.name.startsWith("[...")) continue;
        walk(path.join(folder, entry.name), [...segments, entry.name.replace(/^\[(\w+)\]$/, "{$1}")]);
      } else if (entry.name === "route.ts") {
        const source = fs.readFileSync(path.join(folder, entry.name), "utf8");
        for (const [, method] of source.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)) {
          out.push({ method, path: [urlPrefix, ...segments].join("/"), source });
        }
      }
    }
  };
  walk(root, []);
  return out.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

/** Database errors and stack traces look like this; hostile inputs echoed back in messages do not. */
const LEAK = /\n\s+at |node_modules|\.tsx?:\d+|syntax error at|violates|duplicate key|invalid input syntax|invalid byte sequence|out of range|PostgresError|pglite|relation "|column "|DETAIL:|HINT:/i;

export type Outcome = { status: number; text: string; ms: number };

/** Sends one request with a time limit; a timeout or a dropped connection is status 0. */
export async function timedFetch(url: string, init: RequestInit, timeoutMs: number): Promise<Outcome> {
  const started = Date.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status, text: await res.text(), ms: Date.now() - started };
  } catch (error) {
    return { status: 0, text: String(error), ms: Date.now() - started };
  }
}

export type Judged = { mayRead?: boolean };

/**
 * Sends every request, `concurrency` at a time, and judges each answer: a
 * 4xx, or a 200 for a well-formed read; never a 5xx, a hang or a leak.
 * `statusOf` reads the status a family really answered (GenAuth puts it in the body).
 */
export async function fuzz<R extends Judged>(
  requests: R[],
  options: {
    concurrency: number;
    send: (req: R, worker: number) => Promise<Outcome>;
    describe: (req: R) => string;
    statusOf?: (outcome: Outcome) => number;
  },
): Promise<{ failures: string[]; summary: string }> {
  const failures: string[] = [];
  const tally = new Map<number, number>();
  let next = 0;
  let slowest = 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, worker) => {
      while (next < requests.length) {
        const req = requests[next++];
        const outcome = await options.send(req, worker);
        const status = outcome.status === 200 && options.statusOf ? options.statusOf(outcome) : outcome.status;
        tally.set(status, (tally.get(status) ?? 0) + 1);
        slowest = Math.max(slowest, outcome.ms);
        const refused = status >= 400 && status < 500;
        const describe = `${options.describe(req)} → ${outcome.status}/${status} ${outcome.text.slice(0, 300)}`;
        if (!(refused || (req.mayRead && status === 200))) failures.push(describe);
        else if (LEAK.test(outcome.text)) failures.push(`leak: ${describe}`);
      }
    }),
  );
  const summary = `${requests.length} requests, statuses ${JSON.stringify(Object.fromEntries([...tally].sort((a, b) => a[0] - b[0])))}, slowest ${slowest} ms`;
  return { failures, summary };
}

/** A body for the failure message: the first 200 characters, or a mark for bytes. */
export const shown = (body: string | Uint8Array | undefined) => (typeof body === "string" ? body.slice(0, 200) : body ? "<bytes>" : "");

async function read(path: string) {
  const res = await api("GET", path);
  assert.equal(res.status, 200, `${path}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/**
 * Everything an organization holds, read through the native API with the
 * test's unrestricted key: what a fuzz run must leave exactly as it found it.
 */
export async function organizationSnapshot(organizationId: string, scopeId: string) {
  const own = (items: any[]) => items.filter((x) => x.scopeId === scopeId);
  return {
    organization: await read(`/api/v1/organizations/${organizationId}`),
    scope: await read(`/api/v1/scopes/${scopeId}`),
    resources: (await read(`/api/v1/resources?organization=${organizationId}&limit=1000`)).data,
    groups: (await read(`/api/v1/groups?organization=${organizationId}&limit=1000`)).data,
    departments: (await read(`/api/v1/departments?organization=${organizationId}&limit=1000`)).data,
    memberships: (await read(`/api/v1/memberships?organization=${organizationId}&limit=1000`)).data,
    grants: (await read(`/api/v1/grants?organization=${organizationId}&limit=1000`)).data,
    types: own((await read(`/api/v1/resource-types?scopeId=${scopeId}`)).data),
    permissions: own((await read(`/api/v1/permissions?scopeId=${scopeId}`)).data),
    roles: own((await read(`/api/v1/roles?scopeId=${scopeId}`)).data),
  };
}

/** No change-log entry names any of these actors: nothing they sent was written anywhere. */
export async function assertNothingWrittenBy(actors: string[]) {
  for (const actor of actors) {
    const written = await read(`/api/v1/changes?actor=${encodeURIComponent(actor)}&limit=10`);
    assert.deepEqual(written.data, [], `${actor} wrote something`);
  }
}
