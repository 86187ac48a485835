/**
 * The native family's wire format: camelCase JSON, bearer API keys, errors as
 * `{ error: { code, message, issues: [{ field, rule, message }] } }`, writes
 * answering with the new revision in the body and the `Arbor-Revision` header.
 * Each route is a Next.js handler that also carries `serve`, the same handler
 * for a request Node.js already read (the server's hot path).
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
import { fromBuffered, fromRequest, type ApiRequest, type BufferedRequest } from "@/app/_http/api-request";
import { answer, methodMessage, toResponse, type Answer, type WrongMethod } from "@/app/_http/answer";

export type NativeContext<P> = {
  req: ApiRequest;
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

export function errorAnswer(error: unknown): Answer {
  if (error instanceof ArborError) {
    return answer({ error: { code: CODE[error.kind], message: error.message, issues: error.issues } }, STATUS[error.kind]);
  }
  console.error("native API: unexpected error", error);
  return answer({ error: { code: "internal", message: "internal error", issues: [] } }, 500);
}

export const errorResponse = (error: unknown): Response => toResponse(errorAnswer(error));

const wrongMethod: WrongMethod = (method, allowed) => {
  const message = methodMessage(method, allowed);
  return answer({ error: { code: "method_not_allowed", message, issues: [{ field: "method", rule: "allowed", message }] } }, 405, { allow: allowed.join(", ") });
};

type Handler<P> = (ctx: NativeContext<P>) => Promise<Answer | Response>;

export function nativeRoute<P = Record<string, never>>(fn: Handler<P>, options: Options = {}) {
  const serve = async (req: ApiRequest, params: P): Promise<Answer | Response> => {
    try {
      const { db } = await getArbor();
      // Authentication and the handler share one read of the latest revision (lib/revisions/clock.ts).
      return await withinRequest(db, async () => {
        const key = await authenticate(db, req);
        if (options.write && key.readOnly) throw new ArborError("forbidden", "this API key is read-only");
        for (const [name, value] of Object.entries(params as object)) assertText(String(value), name);
        // Everything the handler awaits runs as the key's tenant: lib/ applies the isolation rule (lib/tenancy/rules.ts).
        return await withTenant(await tenantOf(db, key.organizationId), () => {
          if (options.wholeEnvironment) requireWholeEnvironment(`${req.method} ${req.pathname}`);
          return fn({ req, params, db, key, actor: `key:${key.name}`, body: () => readJson(req), query: queryObject(req.query()) });
        });
      });
    } catch (error) {
      return errorAnswer(error);
    }
  };
  const route = async (req: NextRequest, context: RouteContext<P>): Promise<Response> =>
    toResponse(await serve(fromRequest(req), context?.params ? await context.params : ({} as P)));
  return Object.assign(route, { serve: (req: BufferedRequest, params: P) => serve(fromBuffered(req), params), wrongMethod });
}

async function authenticate(db: Database, req: ApiRequest): Promise<ApiKey> {
  const header = req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new ArborError("unauthenticated", "missing API key: send 'Authorization: Bearer <key>'");
  const key = await authenticateApiKey(db, match[1]);
  if (!key) throw new ArborError("unauthenticated", "invalid or revoked API key");
  return key;
}

export const ok = (data: unknown, status = 200): Answer => answer(data, status);

/** A write's answer: the object (or `{ data }` for lists) plus the revision, also as a header. */
export function written(value: unknown, revision: number, status = 200): Answer {
  const body = Array.isArray(value) ? { data: value, revision } : { ...(value as object), revision };
  return answer(body, status, { "Arbor-Revision": String(revision) });
}

export const list = (data: unknown[], nextCursor: string | null = null): Answer => answer({ data, nextCursor });
