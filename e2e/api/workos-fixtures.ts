/**
 * Shared set-up for the WorkOS family's tests: the official SDK pointed at
 * the test server (contract §1), and a small model made through it. Resource
 * types have no SDK call (WorkOS keeps them in its dashboard), so they are
 * made through the native API. Every name is unique per run: the server is
 * shared with the other test files.
 */
import assert from "node:assert/strict";
import { WorkOS } from "@workos-inc/node";
import { api, apiKey, baseUrl, unique } from "./client";

export function workos(key: string = apiKey, options: Record<string, unknown> = {}) {
  const url = new URL(baseUrl);
  return new WorkOS(key, { apiHostname: url.hostname, port: Number(url.port), https: false, ...options });
}

/** Fresh resource types, one per name given: `{ workspace: "workspacelq3…", … }`. */
export async function resourceTypes<N extends string>(...names: N[]): Promise<Record<N, string>> {
  const keys = Object.fromEntries(names.map((n) => [n, unique(n.slice(0, 8))])) as Record<N, string>;
  const res = await api("POST", "/api/v1/resource-types/batch", names.map((n) => ({ key: keys[n], name: n })));
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return keys;
}

/** Asserts that a call rejects with the SDK's typed exception of this class. */
export async function throwsTyped(call: Promise<unknown>, exception: new (...args: any[]) => Error, status?: number) {
  await assert.rejects(call, (e: unknown) => {
    assert.ok(e instanceof exception, `expected ${exception.name}, got ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`);
    if (status !== undefined) assert.equal((e as { status?: number }).status, status);
    return true;
  });
}

/** A user with a membership in the organization; `roleSlugs` become organization-wide roles. */
export async function member(w: WorkOS, organizationId: string, name: string, roleSlugs?: string[]) {
  const user = await w.userManagement.createUser({ email: `${unique(name)}@example.com`, firstName: name });
  const membership = await w.userManagement.createOrganizationMembership({ organizationId, userId: user.id, roleSlugs });
  return { user, membership };
}

/** Runs the calls a few at a time: enough to be quick, few enough for one embedded database. */
export async function inBatches<T>(count: number, size: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += size) out.push(...(await Promise.all(Array.from({ length: Math.min(size, count - i) }, (_, j) => make(i + j)))));
  return out;
}
