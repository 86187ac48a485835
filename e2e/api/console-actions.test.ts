/**
 * The console's server actions are public HTTP endpoints: anyone can POST to
 * a console page with a `Next-Action` header and call one directly, bypassing
 * the pages. These tests do exactly that, with real action ids from the
 * build's manifest, and check through the native API what was (not) written.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { api, baseUrl, unique } from "./client";

const adminEmail = process.env.ARBOR_TEST_ADMIN_EMAIL ?? "";
const adminPassword = process.env.ARBOR_TEST_ADMIN_PASSWORD ?? "";

type ManifestEntry = { filename?: string; exportedName?: string };
const manifest: { node: Record<string, ManifestEntry> } = JSON.parse(
  fs.readFileSync(path.join(process.cwd(), process.env.ARBOR_DIST_DIR || ".next", "server", "server-reference-manifest.json"), "utf8"),
);

function actionId(filename: string, exportedName: string): string {
  const found = Object.entries(manifest.node).find(([, e]) => e.filename === filename && e.exportedName === exportedName);
  assert.ok(found, `no server action ${exportedName} in ${filename}`);
  return found[0];
}

const CREATE_TYPE = actionId("app/(console)/types/_actions/resource-types.ts", "createResourceTypeAction");
const SIGN_IN = actionId("app/(auth)/_actions/auth.ts", "signInAction");
const SIGN_OUT = actionId("app/(auth)/_actions/auth.ts", "signOutAction");
const SET_UP = actionId("app/(auth)/_actions/auth.ts", "setUpAction");

type ActionResponse = { status: number; headers: Headers; result: any };

/** Calls a server action as the browser would: POST to a page, arguments as a JSON array. */
async function callAction(page: string, id: string, args: unknown[], headers: Record<string, string> = {}): Promise<ActionResponse> {
  const res = await fetch(`${baseUrl}${page}`, {
    method: "POST",
    redirect: "manual",
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", ...headers },
    body: JSON.stringify(args),
  });
  return { status: res.status, headers: res.headers, result: actionResult(await res.text()) };
}

/** The action's return value in React's flight format: row 0 names the row (`"a":"$@N"`) holding it. */
function actionResult(flight: string): unknown {
  const rows = new Map<string, string>();
  for (const line of flight.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1], m[2]);
  }
  const head = rows.get("0");
  if (!head) return undefined;
  const ref = (JSON.parse(head) as { a?: string }).a;
  const row = ref?.startsWith("$@") ? rows.get(ref.slice(2)) : undefined;
  return row === undefined ? undefined : JSON.parse(row);
}

const sessionCookie = (headers: Headers) => headers.getSetCookie().find((c) => c.startsWith("arbor_session="));

async function signIn(extraHeaders: Record<string, string> = {}) {
  const res = await callAction("/sign-in", SIGN_IN, [{ email: adminEmail, password: adminPassword }, "/grants"], extraHeaders);
  const cookie = sessionCookie(res.headers);
  assert.ok(cookie, `sign-in set no cookie: ${JSON.stringify(res.result)}`);
  return { res, cookie, pair: cookie.split(";")[0] };
}

async function typeKeysIn(scopeId: string): Promise<string[]> {
  const res = await api("GET", `/api/v1/resource-types?scopeId=${scopeId}&limit=1000`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.data.map((t: { key: string }) => t.key);
}

async function newScope(): Promise<string> {
  const id = unique("scope_actions_");
  assert.equal((await api("POST", "/api/v1/scopes", { id, name: "Console actions" })).status, 201);
  return id;
}

describe("console server actions called directly", () => {
  let scopeId: string;
  let signedIn: string;
  before(async () => {
    assert.ok(adminEmail && adminPassword, "ARBOR_TEST_ADMIN_EMAIL / _PASSWORD are set by npm test");
    scopeId = await newScope();
    signedIn = (await signIn()).pair;
  });

  const create = (key: string, headers: Record<string, string> = {}) =>
    callAction(`/types/${scopeId}`, CREATE_TYPE, [{ key, name: `Type ${key}`, scopeId }], headers);

  test("without a session, or with a forged or altered one, the action refuses and nothing is written", async () => {
    const altered = signedIn.slice(0, -1) + (signedIn.endsWith("A") ? "B" : "A");
    const attempts: [string, Record<string, string>][] = [
      ["no cookie", {}],
      ["forged cookie", { cookie: `arbor_session=${"A".repeat(43)}` }],
      ["altered cookie", { cookie: altered }],
      ["garbage cookie", { cookie: "arbor_session=../../etc/passwd" }],
    ];
    for (const [what, headers] of attempts) {
      const key = unique("refused-");
      const { status, result } = await create(key, headers);
      assert.equal(status, 200, what);
      assert.equal(result.data, undefined, `${what}: no data`);
      assert.match(result.error.message, /not signed in/, what);
      assert.deepEqual(result.error.issues.map((i: { field: string; rule: string }) => [i.field, i.rule]), [["session", "signed_in"]], what);
      assert.ok(!(await typeKeysIn(scopeId)).includes(key), `${what}: the type was not created`);
    }
  });

  test("the same call with a valid session is accepted, and recorded as the administrator's", async () => {
    const key = unique("accepted-");
    const { status, result } = await create(key, { cookie: signedIn });
    assert.equal(status, 200);
    assert.equal(result.error, undefined, JSON.stringify(result.error));
    assert.match(result.data.id, /^rtype_/);
    assert.ok((await typeKeysIn(scopeId)).includes(key));
    const changes = await api("GET", `/api/v1/changes?entityType=resource_type&entityId=${result.data.id}`);
    assert.deepEqual(changes.body.data.map((c: { actor: string }) => c.actor), [`admin:${adminEmail}`]);
  });

  test("after sign-out the same cookie is refused", async () => {
    const { pair } = await signIn();
    const out = await callAction("/types", SIGN_OUT, [], { cookie: pair });
    assert.equal(out.headers.get("x-action-redirect")?.split(";")[0], "/sign-in");
    assert.match(sessionCookie(out.headers) ?? "", /^arbor_session=;.*Max-Age=0/i, "the cookie is cleared");
    const key = unique("after-sign-out-");
    const { result } = await create(key, { cookie: pair });
    assert.match(result.error.message, /not signed in/);
    assert.ok(!(await typeKeysIn(scopeId)).includes(key));
  });
});

describe("sign-in over HTTP", () => {
  test("the cookie is HttpOnly, SameSite=Lax, Path=/, lasts the session's hours, and is Secure behind HTTPS", async () => {
    const plain = (await signIn()).cookie;
    assert.match(plain, /; HttpOnly/i);
    assert.match(plain, /; SameSite=Lax/i);
    assert.match(plain, /; Path=\//);
    const maxAge = Number(/Max-Age=(\d+)/i.exec(plain)?.[1]);
    assert.ok(maxAge > 12 * 3600 - 60 && maxAge <= 12 * 3600, `Max-Age ${maxAge}`);
    assert.doesNotMatch(plain, /; Secure/i, "plain HTTP cannot carry a Secure cookie");
    const proxied = (await signIn({ "x-forwarded-proto": "https" })).cookie;
    assert.match(proxied, /; Secure/i);
  });

  test("a wrong password is refused without a cookie; the return path never leaves the site", async () => {
    const wrong = await callAction("/sign-in", SIGN_IN, [{ email: adminEmail, password: "certainly not it" }, "/grants"]);
    assert.equal(wrong.result.error.message, "Wrong email or password.");
    assert.equal(sessionCookie(wrong.headers), undefined);

    for (const next of ["https://evil.example/", "//evil.example/x", "/\\evil.example"]) {
      const res = await callAction("/sign-in", SIGN_IN, [{ email: adminEmail, password: adminPassword }, next]);
      const target = res.headers.get("x-action-redirect")?.split(";")[0];
      assert.equal(target, "/", `${next} → ${target}`);
    }
    const local = await callAction("/sign-in", SIGN_IN, [{ email: adminEmail, password: adminPassword }, "/grants?org=acme"]);
    assert.equal(local.headers.get("x-action-redirect")?.split(";")[0], "/grants?org=acme");
  });

  test("repeated failures for one email are refused with the wait, whether or not the email has an account", async () => {
    const email = `${unique("nobody-")}@arbor.test`;
    for (let i = 0; i < 5; i++) {
      const { result } = await callAction("/sign-in", SIGN_IN, [{ email, password: `guess ${i}` }]);
      assert.equal(result.error.message, "Wrong email or password.", `attempt ${i + 1}`);
    }
    const { result, headers } = await callAction("/sign-in", SIGN_IN, [{ email, password: "guess 6" }]);
    assert.match(result.error.message, /^Too many failed sign-ins for this email\. Try again in \d+ minutes\.$/);
    assert.equal(sessionCookie(headers), undefined);
  });

  test("the first-run action is refused once an administrator exists, and creates nobody", async () => {
    const before = await api("GET", "/api/v1/changes?entityType=admin&limit=100");
    const { result, headers } = await callAction("/setup", SET_UP, [{ email: `${unique("intruder-")}@arbor.test`, password: "intruder password" }]);
    assert.match(result.error.message, /already exists/);
    assert.equal(sessionCookie(headers), undefined);
    const after = await api("GET", "/api/v1/changes?entityType=admin&limit=100");
    assert.deepEqual(after.body.data, before.body.data);
  });
});
