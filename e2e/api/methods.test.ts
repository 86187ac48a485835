/**
 * A method a route does not serve is answered 405 in the family's own error
 * format, with an Allow header naming what it does serve (Next.js alone would
 * send an empty 405). Nothing else changes: the right method still works on
 * the same connection, and unknown paths keep their family's 404.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { api, baseUrl } from "./client";

async function send(method: string, path: string, body?: string) {
  const res = await fetch(new URL(path, baseUrl), { method, body, headers: body ? { "content-type": "application/json" } : {} });
  const text = await res.text();
  return { status: res.status, allow: res.headers.get("allow"), requestId: res.headers.get("x-request-id"), body: text ? JSON.parse(text) : undefined };
}

test("native: 405 with the error body naming the method, and the allowed methods", async () => {
  const put = await send("PUT", "/api/v1/check", JSON.stringify({ subject: "user:x", action: "read", resource: "document:y" }));
  assert.equal(put.status, 405);
  assert.equal(put.allow, "OPTIONS, POST");
  assert.equal(put.body.error.code, "method_not_allowed");
  assert.deepEqual(put.body.error.issues.map((i: { field: string; rule: string }) => [i.field, i.rule]), [["method", "allowed"]]);
  assert.match(put.body.error.message, /PUT is not allowed here; allowed: OPTIONS, POST/);

  const patch = await send("PATCH", "/api/v1/grants");
  assert.equal(patch.status, 405);
  assert.equal(patch.allow, "GET, HEAD, OPTIONS, POST, DELETE");
  // A parameterised route is matched as Next.js matches it.
  const post = await send("POST", "/api/v1/grants/grant_01ABCDEFGHJKMNPQRSTVWXYZ00");
  assert.equal(post.status, 405);
  assert.ok(post.allow?.includes("GET"));
});

test("native: the allowed method still works afterwards, and unknown paths keep their 404", async () => {
  assert.equal((await send("GET", "/api/v1/check")).status, 405);
  const ok = await api("GET", "/api/v1/roles");
  assert.equal(ok.status, 200);
  const unknown = await api("GET", "/api/v1/no-such-thing");
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.error.code, "not_found");
});

test("WorkOS: 405 as {code, message} with a request id; unknown paths keep their JSON 404", async () => {
  const del = await send("DELETE", "/authorization/roles");
  assert.equal(del.status, 405);
  assert.equal(del.allow, "GET, HEAD, OPTIONS, POST");
  assert.equal(del.body.code, "method_not_allowed");
  assert.equal(del.body.error, undefined, "no `error` key: the SDK would read it as an OAuth error");
  assert.ok(del.requestId);
  const unknown = await send("DELETE", "/authorization/no-such-thing");
  assert.equal(unknown.status, 404);
  assert.equal(unknown.body.code, "not_found");
});

test("GenAuth: a real HTTP 405 carrying the envelope", async () => {
  const post = await send("POST", "/api/v3/list-roles", "{}");
  assert.equal(post.status, 405);
  assert.equal(post.allow, "GET, HEAD, OPTIONS");
  assert.equal(post.body.statusCode, 405);
  assert.equal(post.body.apiCode, 40501);
  assert.ok(post.body.requestId);
});
