/**
 * Shared set-up for GenAuth tests that need access keys of their own: keys
 * made through POST /api/v1/access-keys (with the test's admin API key), the
 * real authing-node-sdk client for each, and requests signed exactly as the
 * SDK signs them (its own signing functions) for the cases the SDK cannot send.
 */
import assert from "node:assert/strict";
import { ManagementClient } from "authing-node-sdk";
import { buildAuthorization, buildStringToSign, DEFAULT_HEADERS } from "authing-node-sdk/dist/utils/buildSignature";
import { api, baseUrl } from "./client";

// The SDK's typed enums (Models.*) add nothing to these tests; the wire values are plain strings.
export type Sdk = Record<string, (params?: unknown) => Promise<any>>;

export type TestAccessKey = { id: string; accessKeyId: string; secret: string; name: string; sdk: Sdk };

export const sdkFor = (accessKeyId: string, secret: string, host = baseUrl) =>
  new ManagementClient({ accessKeyId, accessKeySecret: secret, host }) as unknown as Sdk;

/** A new access key (POST /api/v1/access-keys) and an SDK client signing with it. */
export async function accessKey(body: { name: string; organizationId?: string; readOnly?: boolean }): Promise<TestAccessKey> {
  const res = await api("POST", "/api/v1/access-keys", body);
  assert.equal(res.status, 201, JSON.stringify(res.body));
  const { id, accessKeyId, secret } = res.body;
  return { id, accessKeyId, secret, name: body.name, sdk: sdkFor(accessKeyId, secret) };
}

/** Calls the SDK and asserts the business status 200; returns `data`. */
export async function ok(sdk: Sdk, method: string, params?: unknown): Promise<any> {
  const res = await sdk[method](params);
  assert.equal(res.statusCode, 200, `${method}(${JSON.stringify(params)}): ${JSON.stringify(res)}`);
  return res.data;
}

/** Calls the SDK and asserts a business error (HTTP 200, the status in the body); returns the body. */
export async function fails(sdk: Sdk, method: string, params: unknown, statusCode: number): Promise<any> {
  const res = await sdk[method](params);
  assert.equal(res.statusCode, statusCode, `${method}(${JSON.stringify(params)}): ${JSON.stringify(res)}`);
  assert.equal(typeof res.apiCode, "number");
  return res;
}

/** The SDK throws on a non-2xx answer: the HTTP status and body it carried. */
export async function refused(call: Promise<unknown>): Promise<{ status: number; body: any }> {
  try {
    await call;
  } catch (error) {
    const response = (error as { response?: { status: number; data: unknown } }).response;
    assert.ok(response, `expected an HTTP error, got ${String(error)}`);
    return { status: response.status, body: response.data };
  }
  assert.fail("the request was accepted");
}

export type SignedInit = { method: "GET" | "POST"; path: string; params: Record<string, unknown>; accessKeyId: string; secret: string; date?: Date };

/**
 * The URL and fetch options of a request signed as the SDK signs it: GET
 * parameters in the query (arrays as `key[]`), POST parameters as the JSON body.
 */
export function signedRequest(init: SignedInit, host = baseUrl): { url: string; init: RequestInit } {
  const headers: Record<string, string> = { ...DEFAULT_HEADERS(), "x-authing-lang": "zh-CN", date: (init.date ?? new Date()).toUTCString() };
  headers.authorization = buildAuthorization(init.accessKeyId, init.secret, buildStringToSign(init.method, init.path, headers, init.params));
  const query = new URLSearchParams();
  if (init.method === "GET") {
    for (const [k, v] of Object.entries(init.params)) for (const item of Array.isArray(v) ? v : [v]) query.append(Array.isArray(v) ? `${k}[]` : k, String(item));
  }
  return {
    url: `${host}${init.path}${init.method === "GET" ? `?${query}` : ""}`,
    init: { method: init.method, headers, body: init.method === "POST" ? JSON.stringify(init.params) : undefined },
  };
}
