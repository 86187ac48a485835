/**
 * The GenAuth / Authing V3 management family (`/api/v3/<verb-noun>`), as the
 * unmodified authing-node-sdk 4.0.1 speaks it: every request signed with an
 * access key (lib/access-keys), parameters validated with zod, the domain
 * library called, the answer wrapped in the GenAuth envelope. The mapping of
 * GenAuth's vocabulary onto the domain is in the sibling modules and in
 * docs/compat-genauth.md; no decision rule lives here.
 */
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import type { Database } from "@/db/client";
import { getArbor } from "@/lib/runtime";
import { ArborError } from "@/lib/shared/errors";
import type { Organization } from "@/lib/organizations/service";
import { openAccessKey, organizationOf, type AccessKey } from "@/lib/access-keys/service";
import { claimNonce } from "@/lib/access-keys/nonces";
import { dateIsFresh, parseAuthorization, signatureMatches } from "@/lib/access-keys/signature";
import { withTenant } from "@/lib/tenancy/rules";
import { tenantOf } from "@/lib/tenancy/load";
import { answer, methodMessage, type WrongMethod } from "@/app/_http/answer";
import { API_CODE, errorResponse, SignatureError, success } from "./envelope";
import { bodyParams, parseParams, queryParams, type Params } from "./params";

export type GenAuthContext<P> = {
  db: Database;
  /** The organization the access key acts in. */
  organization: Organization;
  key: AccessKey;
  /** Who the change log names for writes made by this request. */
  actor: string;
  params: P;
  req: NextRequest;
};

type Options = {
  /** GET parameters that are arrays (an empty one is signed but not sent). */
  arrays?: readonly string[];
  /** Changes data: refused for read-only keys. */
  write?: boolean;
};

const MAX_NONCE_LENGTH = 128;

async function authenticate(db: Database, req: NextRequest, params: Params, arrays?: readonly string[]): Promise<AccessKey> {
  const authorization = parseAuthorization(req.headers.get("authorization"));
  if (!authorization) throw new SignatureError("missing signature: expected 'Authorization: authing <accessKeyId>:<signature>'", API_CODE.unauthenticated);
  const headers = Object.fromEntries(req.headers);
  if (!dateIsFresh(headers.date, Date.now())) {
    throw new SignatureError("the date header is missing or more than 15 minutes away from the server's clock", API_CODE.staleDate);
  }
  const opened = await openAccessKey(db, authorization.accessKeyId);
  const signed = { method: req.method, path: req.nextUrl.pathname, headers, params, arrayParams: arrays };
  if (!opened || !signatureMatches(signed, opened.secret, authorization.signature)) {
    throw new SignatureError("signature does not match: unknown or revoked access key, or a wrong secret", API_CODE.badSignature);
  }
  const nonce = headers["x-authing-signature-nonce"];
  if (!nonce || nonce.length > MAX_NONCE_LENGTH) throw new SignatureError("missing x-authing-signature-nonce header", API_CODE.unauthenticated);
  if (!(await claimNonce(db, opened.key.accessKeyId, nonce))) throw new SignatureError("replayed request: this nonce was already used", API_CODE.replayed);
  return opened.key;
}

/** A wrong method is the caller's bug, not a business error: a real HTTP 405, with the envelope as its body. */
const wrongMethod: WrongMethod = (method, allowed) =>
  answer({ statusCode: 405, message: methodMessage(method, allowed), apiCode: API_CODE.methodNotAllowed, requestId: randomUUID() }, 405, { allow: allowed.join(", ") });

function route<S extends z.ZodType>(method: "GET" | "POST", schema: S, handler: (ctx: GenAuthContext<z.output<S>>) => Promise<unknown>, options: Options) {
  const serve = async (req: NextRequest): Promise<Response> => {
    const requestId = randomUUID();
    try {
      const { db } = await getArbor();
      const raw = method === "GET" ? queryParams(req.nextUrl) : await bodyParams(req);
      const key = await authenticate(db, req, raw, options.arrays);
      if (options.write && key.readOnly) throw new ArborError("forbidden", "this access key is read-only");
      const params = parseParams(schema, raw);
      // A key bound to an organization is its tenant: everything the handler awaits obeys lib/tenancy/rules.ts.
      // An unbound key acts in the default organization with the whole environment's reach, like an unrestricted API key.
      const data = await withTenant(await tenantOf(db, key.organizationId), async () =>
        handler({ db, organization: await organizationOf(db, key), key, actor: `access-key:${key.name}`, params, req }),
      );
      return success(data, requestId);
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
  return Object.assign(serve, { wrongMethod });
}

export const genauthGet = <S extends z.ZodType>(schema: S, handler: (ctx: GenAuthContext<z.output<S>>) => Promise<unknown>, options: Options = {}) =>
  route("GET", schema, handler, options);

export const genauthPost = <S extends z.ZodType>(schema: S, handler: (ctx: GenAuthContext<z.output<S>>) => Promise<unknown>, options: Options = {}) =>
  route("POST", schema, handler, options);

export const done = { success: true };
