/**
 * The WorkOS family's wire format (shared/contracts/workos.md): bearer API
 * keys, snake_case JSON with `Content-Type: application/json` on every
 * answer, errors the SDK maps to its typed exceptions, and replay of POSTs
 * sent again with the same `Idempotency-Key`. Handlers get parsed input and
 * call the domain library; nothing here decides access. Each route is a
 * Next.js handler that also carries `serve`, the same handler for a request
 * Node.js already read (the server's hot path).
 */
import { createHash, randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import type { Database } from "@/db/client";
import { authenticateApiKey, type ApiKey } from "@/lib/api-keys/service";
import { ArborError, invalid } from "@/lib/shared/errors";
import { getArbor } from "@/lib/runtime";
import { withinRequest } from "@/lib/revisions/clock";
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from "@/lib/idempotency/store";
import { withTenant } from "@/lib/tenancy/rules";
import { tenantOf } from "@/lib/tenancy/load";
import { assertText, MAX_JSON_BYTES, queryObject, readJson } from "@/app/_http/body";
import { fromBuffered, fromRequest, type ApiRequest, type BufferedRequest } from "@/app/_http/api-request";
import { answer, bodyText, methodMessage, toResponse, withHeader, type Answer, type WrongMethod } from "@/app/_http/answer";
import { asArborError } from "./errors";

export type WorkosContext<P> = {
  req: ApiRequest;
  /** Path parameters, percent-decoded once by Next.js (`a%2Fb` → `a/b`). */
  params: P;
  db: Database;
  key: ApiKey;
  /** Who the change log names for writes made by this request. */
  actor: string;
  body: () => Promise<unknown>;
  query: Record<string, string | string[]>;
};

/** `readOnly`: a POST that changes nothing (an access check): read-only keys may send it and its answer is not stored for replay. */
type Options = { readOnly?: boolean };
type RouteContext<P> = { params: Promise<P> };

const JSON_TYPE = "application/json";
const MAX_IDEMPOTENCY_KEY = 255;

export const json = (data: unknown, status = 200): Answer => answer(data, status);
/** 204 still says JSON: the SDK ignores the body of a delete, but every answer carries the type. */
export const noContent = (): Answer => ({ status: 204, headers: { "content-type": JSON_TYPE } });

function errorAnswer(error: unknown): Answer {
  const { status, body } = asArborError(error);
  return json(body, status);
}

async function authenticate(db: Database, req: ApiRequest): Promise<ApiKey> {
  const match = /^Bearer\s+(\S+)$/i.exec(req.header("authorization") ?? "");
  if (!match) throw new ArborError("unauthenticated", "missing API key: send 'Authorization: Bearer <key>'");
  const key = await authenticateApiKey(db, match[1]);
  if (!key) throw new ArborError("unauthenticated", "invalid or revoked API key");
  return key;
}

/**
 * Runs a POST at most once per Idempotency-Key: the first answer (anything
 * but a server error) is stored and replayed for the same request; a
 * different request under the key is refused (422), one still running is a
 * conflict (409). Server errors free the key so the SDK's retry runs again.
 */
async function once(db: Database, key: ApiKey, req: ApiRequest, idempotencyKey: string, run: () => Promise<Answer | Response>): Promise<Answer | Response> {
  if (idempotencyKey.length > MAX_IDEMPOTENCY_KEY) {
    throw invalid("Idempotency-Key", "too_big", `Idempotency-Key: at most ${MAX_IDEMPOTENCY_KEY} characters`);
  }
  const search = req.query().toString();
  const path = search ? `${req.pathname}?${search}` : req.pathname;
  const text = await req.text(MAX_JSON_BYTES);
  const request = {
    apiKeyId: key.id,
    key: idempotencyKey,
    method: req.method,
    path,
    requestHash: createHash("sha256").update(`${req.method} ${path}\n${text}`).digest("hex"),
  };
  const claim = await claimIdempotencyKey(db, request);
  if (claim.kind === "replay") return new Response(claim.body, { status: claim.status, headers: { "content-type": JSON_TYPE, "idempotent-replayed": "true" } });
  if (claim.kind === "in_progress") throw new ArborError("conflict", `a request with Idempotency-Key '${idempotencyKey}' is still being processed`);
  if (claim.kind === "mismatch") {
    throw invalid("Idempotency-Key", "reused", `Idempotency-Key: '${idempotencyKey}' was already used for a different request (${claim.method} ${claim.path})`);
  }
  let response: Answer | Response;
  try {
    response = await run();
  } catch (error) {
    await releaseIdempotencyKey(db, request);
    throw error;
  }
  if (response.status >= 500) await releaseIdempotencyKey(db, request);
  else await completeIdempotencyKey(db, request, response.status, await bodyText(response));
  return response;
}

type Handler<P> = (ctx: WorkosContext<P>) => Promise<Answer | Response>;

export function workosRoute<P = Record<string, never>>(fn: Handler<P>, options: Options = {}) {
  const answerFor = async (db: Database, req: ApiRequest, params: P): Promise<Answer | Response> => {
    const key = await authenticate(db, req);
    const writes = req.method !== "GET" && !options.readOnly;
    if (writes && key.readOnly) throw new ArborError("forbidden", "this API key is read-only");
    const run = async () => {
      try {
        for (const [name, value] of Object.entries(params as object)) assertText(String(value), name);
        // Everything the handler awaits runs as the key's tenant: lib/ applies the isolation rule (lib/tenancy/rules.ts).
        return await withTenant(await tenantOf(db, key.organizationId), () =>
          fn({ req, params, db, key, actor: `key:${key.name}`, body: () => readJson(req), query: queryObject(req.query()) }),
        );
      } catch (error) {
        // Caller errors become stored answers; only unexpected ones propagate (and free the key).
        if (error instanceof ArborError) return errorAnswer(error);
        throw error;
      }
    };
    const idempotencyKey = req.header("idempotency-key");
    return req.method === "POST" && writes && idempotencyKey ? await once(db, key, req, idempotencyKey, run) : await run();
  };
  const serve = async (req: ApiRequest, params: P): Promise<Answer | Response> => {
    let out: Answer | Response;
    try {
      const { db } = await getArbor();
      // Authentication and the handler share one read of the latest revision (lib/revisions/clock.ts).
      out = await withinRequest(db, () => answerFor(db, req, params));
    } catch (error) {
      out = errorAnswer(error);
    }
    return withHeader(out, "x-request-id", randomUUID());
  };
  const route = async (req: NextRequest, context: RouteContext<P>): Promise<Response> =>
    toResponse(await serve(fromRequest(req), context?.params ? await context.params : ({} as P)));
  return Object.assign(route, { serve: (req: BufferedRequest, params: P) => serve(fromBuffered(req), params), wrongMethod });
}

const wrongMethod: WrongMethod = (method, allowed) =>
  answer({ code: "method_not_allowed", message: methodMessage(method, allowed) }, 405, { allow: allowed.join(", "), "x-request-id": randomUUID() });

/** The answer for any path under a WorkOS prefix that no route serves: JSON, so the SDK raises NotFoundException. */
export function unknownPath(req: NextRequest): Response {
  const out = json({ code: "not_found", message: `The requested path '${req.nextUrl.pathname}' could not be found.` }, 404);
  return toResponse(withHeader(out, "x-request-id", randomUUID()));
}
