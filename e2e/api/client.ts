/**
 * A tiny HTTP client for API tests: real requests to the app that
 * `npm test` started (ARBOR_TEST_URL, authenticated with ARBOR_TEST_KEY).
 */
export const baseUrl = process.env.ARBOR_TEST_URL ?? "http://127.0.0.1:3000";
export const apiKey = process.env.ARBOR_TEST_KEY ?? "";

export type ApiResponse<T = any> = { status: number; headers: Headers; body: T };

export async function api<T = any>(method: string, path: string, body?: unknown, init: { key?: string | null; headers?: Record<string, string>; raw?: string } = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...init.headers };
  const key = init.key === undefined ? apiKey : init.key;
  if (key) headers.authorization = `Bearer ${key}`;
  let payload: string | undefined = init.raw;
  if (body !== undefined) {
    payload = JSON.stringify(body);
    headers["content-type"] ??= "application/json";
  }
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
  const text = await res.text();
  let parsed: any = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {}
  return { status: res.status, headers: res.headers, body: parsed };
}

/** A short unique suffix so tests sharing one server never collide. */
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
