/**
 * GenAuth request signing and the documented limits, with the real
 * authing-node-sdk: a wrong secret, a stale date and a replayed nonce are
 * refused with HTTP 401 (the SDK throws); over-limit arrays get statusCode
 * 400 with an apiCode (the SDK returns) and change nothing.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { ManagementClient } from "authing-node-sdk";
import { buildAuthorization, buildStringToSign, DEFAULT_HEADERS } from "authing-node-sdk/dist/utils/buildSignature";
import { baseUrl, unique } from "./client";

type Sdk = Record<string, (params?: unknown) => Promise<any>>;
const accessKeyId = process.env.ARBOR_TEST_ACCESS_KEY_ID ?? "";
const accessKeySecret = process.env.ARBOR_TEST_ACCESS_KEY_SECRET ?? "";
const client = (secret = accessKeySecret, id = accessKeyId) => new ManagementClient({ accessKeyId: id, accessKeySecret: secret, host: baseUrl });
const sdk = client() as unknown as Sdk;

async function ok(method: string, params?: unknown): Promise<any> {
  const res = await sdk[method](params);
  assert.equal(res.statusCode, 200, `${method}: ${JSON.stringify(res)}`);
  return res.data;
}

/** The SDK throws on a non-2xx answer; returns the HTTP status and body it carried. */
async function refused(call: Promise<unknown>): Promise<{ status: number; body: any }> {
  try {
    await call;
  } catch (error) {
    const response = (error as { response?: { status: number; data: unknown } }).response;
    assert.ok(response, `expected an HTTP error, got ${String(error)}`);
    return { status: response.status, body: response.data };
  }
  assert.fail("the request was accepted");
}

/** A request signed exactly as the SDK signs one (its own signing functions), with the date, nonce or secret chosen. */
async function signed(method: "GET" | "POST", path: string, params: Record<string, unknown>, opts: { date?: Date; secret?: string } = {}) {
  const headers: Record<string, string> = { ...DEFAULT_HEADERS(), "x-authing-lang": "zh-CN", date: (opts.date ?? new Date()).toUTCString() };
  headers.authorization = buildAuthorization(accessKeyId, opts.secret ?? accessKeySecret, buildStringToSign(method, path, headers, params));
  const query = new URLSearchParams();
  if (method === "GET") for (const [k, v] of Object.entries(params)) for (const item of Array.isArray(v) ? v : [v]) query.append(Array.isArray(v) ? `${k}[]` : k, String(item));
  const res = await fetch(`${baseUrl}${path}${method === "GET" ? `?${query}` : ""}`, { method, headers, body: method === "POST" ? JSON.stringify(params) : undefined });
  return { status: res.status, body: await res.json() };
}

const assertUnauthorized = (r: { status: number; body: any }, apiCode: number) => {
  assert.equal(r.status, 401);
  assert.equal(r.body.statusCode, 401);
  assert.equal(r.body.apiCode, apiCode);
  assert.match(r.body.requestId, /^[0-9a-f-]{36}$/);
  assert.ok(r.body.message);
};

describe("request signing", () => {
  test("a correctly signed request is accepted", async () => {
    assert.equal((await signed("GET", "/api/v3/list-namespaces", { page: 1, limit: 10 })).status, 200);
  });

  test("a wrong secret, an unknown key and a missing signature are refused with 401", async () => {
    assertUnauthorized(await refused((client("not-the-secret") as unknown as Sdk).listNamespaces({})), 40102);
    assertUnauthorized(await refused((client(accessKeySecret, "ak_unknown_key") as unknown as Sdk).listNamespaces({})), 40102);
    const res = await fetch(`${baseUrl}/api/v3/list-namespaces`);
    assertUnauthorized({ status: res.status, body: await res.json() }, 40101);
  });

  test("a date more than 15 minutes away is refused", async () => {
    const minutes = (m: number) => new Date(Date.now() + m * 60_000);
    assertUnauthorized(await signed("GET", "/api/v3/list-namespaces", { page: 1, limit: 10 }, { date: minutes(-20) }), 40103);
    assertUnauthorized(await signed("GET", "/api/v3/list-namespaces", { page: 1, limit: 10 }, { date: minutes(20) }), 40103);
    assert.equal((await signed("GET", "/api/v3/list-namespaces", { page: 1, limit: 10 }, { date: minutes(-10) })).status, 200);
  });

  test("a request the SDK sent, replayed byte for byte, is refused", async () => {
    const sent: { url?: string; method?: string; headers?: Record<string, string>; data?: unknown }[] = [];
    const capturing = client() as unknown as { httpClient: { axios: { interceptors: { request: { use: (f: (c: any) => any) => void } } } } } & Sdk;
    capturing.httpClient.axios.interceptors.request.use((config: any) => {
      sent.push({ url: config.url, method: config.method, headers: { ...config.headers }, data: config.data });
      return config;
    });
    const code = unique("replay");
    assert.equal((await capturing.createNamespace({ code, name: "Replay" })).statusCode, 200);
    const original = sent[0];
    const replay = await fetch(new URL(original.url!, baseUrl), {
      method: original.method!.toUpperCase(),
      headers: original.headers,
      body: typeof original.data === "string" ? original.data : JSON.stringify(original.data),
    });
    assertUnauthorized({ status: replay.status, body: await replay.json() }, 40104);
  });

  test("a signature for other parameters does not verify", async () => {
    const headers: Record<string, string> = { ...DEFAULT_HEADERS(), "x-authing-lang": "zh-CN", date: new Date().toUTCString() };
    headers.authorization = buildAuthorization(accessKeyId, accessKeySecret, buildStringToSign("POST", "/api/v3/create-namespace", headers, { code: "signed-one" }));
    const res = await fetch(`${baseUrl}/api/v3/create-namespace`, { method: "POST", headers, body: JSON.stringify({ code: "another-one" }) });
    assertUnauthorized({ status: res.status, body: await res.json() }, 40102);
  });

  test("what the SDK signs but does not send (an empty array, a lone '?') still verifies", async () => {
    const empty = await sdk.getResourcesBatch({ codeList: [] });
    assert.deepEqual([empty.statusCode, empty.apiCode], [400, 40001]);
    const nothing = await sdk.getNamespace({});
    assert.deepEqual([nothing.statusCode, nothing.apiCode], [400, 40001]);
  });
});

describe("limits", () => {
  const ns = unique("lim");
  let userId: string;
  const authorizedCodes = async () =>
    (await ok("getAuthorizedResources", { targetType: "USER", targetIdentifier: userId, namespace: ns })).list.map((r: any) => r.resourceCode);
  const item = (resources: unknown[], targetIdentifiers = [userId]) => ({ targetType: "USER", targetIdentifiers, resources });
  const resource = (code: string, actions = ["read"]) => ({ code, resourceType: "DATA", actions });

  async function overLimit(method: string, params: unknown) {
    const res = await sdk[method](params);
    assert.deepEqual([res.statusCode, res.apiCode], [400, 40002], `${method}: ${JSON.stringify(res)}`);
    assert.match(res.requestId, /^[0-9a-f-]{36}$/);
    return res;
  }

  before(async () => {
    await ok("createNamespace", { code: ns });
    userId = (await ok("createUser", { username: `${ns}-user`, externalId: `${ns}-user` })).userId;
    await ok("authorizeResources", { namespace: ns, list: [item([resource("kept:1")])] });
  });

  test("authorize-resources: 11 items, 101 identifiers, 51 actions, more than 1000 grants are refused and change nothing", async () => {
    const eleven = Array.from({ length: 11 }, (_, i) => item([resource(`list:${i}`)]));
    await overLimit("authorizeResources", { namespace: ns, list: eleven });
    const many = Array.from({ length: 101 }, () => userId);
    await overLimit("authorizeResources", { namespace: ns, list: [item([resource("ids:1")], many)] });
    const actions = Array.from({ length: 51 }, (_, i) => `a${i}`);
    await overLimit("authorizeResources", { namespace: ns, list: [item([resource("acts:1", actions)])] });
    const pairs = Array.from({ length: 10 }, () => item([resource("p:1"), resource("p:2")], Array.from({ length: 100 }, () => userId)));
    await overLimit("authorizeResources", { namespace: ns, list: pairs });
    assert.deepEqual(await authorizedCodes(), ["kept:1"]);
    assert.equal((await ok("listResources", { namespace: ns })).totalCount, 1, "no resource was created either");
    // At the limits themselves, the call goes through.
    const ten = Array.from({ length: 10 }, (_, i) => item([resource(`ten:${i}`, actions.slice(0, 50))], Array.from({ length: 100 }, () => userId)));
    assert.deepEqual(await ok("authorizeResources", { namespace: ns, list: ten }), { success: true });
    assert.equal((await authorizedCodes()).length, 11);
  });

  test("get-authorized-resources: 51 resourceList entries are refused, 50 are fine", async () => {
    const entries = Array.from({ length: 51 }, (_, i) => `ten:${i}`);
    await overLimit("getAuthorizedResources", { targetType: "USER", targetIdentifier: userId, namespace: ns, resourceList: entries });
    const fifty = await ok("getAuthorizedResources", { targetType: "USER", targetIdentifier: userId, namespace: ns, resourceList: entries.slice(0, 50) });
    assert.equal(fifty.totalCount, 10);
  });

  test("pages hold at most 50; batches at most 50", async () => {
    const res = await sdk.listResources({ namespace: ns, page: 1, limit: 51 });
    assert.equal(res.statusCode, 400);
    await overLimit("createResourcesBatch", { namespace: ns, list: Array.from({ length: 51 }, (_, i) => ({ code: `b:${i}`, type: "DATA" })) });
    await overLimit("getResourcesBatch", { namespace: ns, codeList: Array.from({ length: 51 }, (_, i) => `b:${i}`) });
    assert.equal((await ok("listResources", { namespace: ns, limit: 50 })).totalCount, 11);
  });
});
