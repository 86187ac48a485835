/**
 * The native family's wire format: camelCase JSON, bearer API keys, errors as
 * `{ error: { code, message, issues: [{ field, rule, message }] } }`, writes
 * answering with the new revision in the body and the `Arbor-Revision` header.
 */
import type { NextRequest } from "next/server";
import type { Database } from "@/db/client";
import { authenticateApiKey, type ApiKey } from "@/lib/api-keys/service";
import { ArborError, type ErrorKind } from "@/lib/shared/errors";
import { getArbor } from "@/lib/runtime";
import { withinRequest } from "@/lib/revisions/clock";
import { requireWholeEnvironment, withTenant } from "@/lib/tenancy/rules";
import { tenantOf } from "@/lib/tenancy/load";
import { assertText, queryObject, readJson } from "@/app/_http/body";

export type NativeContext<P> = {
  req: NextRequest;
  params: P;
  db: Database;
  key: ApiKey;
  /** Who the change log names for writes made by this request. */
  actor: string;
  body: () => Promise<unknown>;
  query: Record<string, string | string[]>;
};

/**
 * `write`: refused to read-only keys. `wholeEnvironment`: refused to keys
 * restricted to an organization (key management, bulk import and export).
 */
type Options = { write?: boolean; wholeEnvironment?: boolean };
type RouteContext<P> = { params: Promise<P> };

const STATUS: Record<ErrorKind, number> = {
  validation: 400,
  not_found: 404,
  conflict: 409,
  unauthenticated: 401,
  forbidden: 403,
  limit: 413,
};

const CODE: Record<ErrorKind, string> = {
  validation: "invalid_request",
  not_found: "not_found",
  conflict: "conflict",
  unauthenticated: "unauthenticated",
  forbidden: "forbidden",
  limit: "too_large",
};

export function errorResponse(error: unknown): Response {
  if (error instanceof ArborError) {
    return Response.json({ error: { code: CODE[error.kind], message: error.message, issues: error.issues } }, { status: STATUS[error.kind] });
  }
  console.error("native API: unexpected error", error);
  return Response.json({ error: { code: "internal", message: "internal error", issues: [] } }, { status: 500 });
}

export function nativeRoute<P = Record<string, never>>(fn: (ctx: NativeContext<P>) => Promise<Response>, options: Options = {}) {
  return async (req: NextRequest, route: RouteContext<P>): Promise<Response> => {
    try {
      const { db } = await getArbor();
      // Authentication and the handler share one read of the latest revision (lib/revisions/clock.ts).
      return await withinRequest(db, async () => {
        const key = await authenticate(db, req);
        if (options.write && key.readOnly) throw new ArborError("forbidden", "this API key is read-only");
        const params = route?.params ? await route.params : ({} as P);
        for (const [name, value] of Object.entries(params as object)) assertText(String(value), name);
        // Everything the handler awaits runs as the key's tenant: lib/ applies the isolation rule (lib/tenancy/rules.ts).
        return await withTenant(await tenantOf(db, key.organizationId), () => {
          if (options.wholeEnvironment) requireWholeEnvironment(`${req.method} ${req.nextUrl.pathname}`);
          return fn({ req, params, db, key, actor: `key:${key.name}`, body: () => readJson(req), query: queryObject(req.nextUrl) });
        });
      });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

async function authenticate(db: Database, req: Request): Promise<ApiKey> {
  const header = req.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new ArborError("unauthenticated", "missing API key: send 'Authorization: Bearer <key>'");
  const key = await authenticateApiKey(db, match[1]);
  if (!key) throw new ArborError("unauthenticated", "invalid or revoked API key");
  return key;
}

export const ok = (data: unknown, status = 200) => Response.json(data, { status });

/** A write's answer: the object (or `{ data }` for lists) plus the revision, also as a header. */
export function written(value: unknown, revision: number, status = 200): Response {
  const body = Array.isArray(value) ? { data: value, revision } : { ...(value as object), revision };
  return Response.json(body, { status, headers: { "Arbor-Revision": String(revision) } });
}

export const list = (data: unknown[], nextCursor: string | null = null) => Response.json({ data, nextCursor });
