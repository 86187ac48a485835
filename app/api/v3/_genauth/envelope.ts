/**
 * The GenAuth envelope `{statusCode, message, apiCode, requestId, data}`.
 * Business errors travel as HTTP 200 with the error status in the body: the
 * SDK returns any 2xx body and throws on anything else, and its callers
 * expect `{statusCode: 404}` back, not an exception. Only a request that
 * cannot be authenticated gets a real HTTP 401.
 */
import { ArborError, type ErrorKind } from "@/lib/shared/errors";

/** Our own stable apiCode values (GenAuth does not publish its list): status × 100 + detail. */
export const API_CODE = {
  invalid: 40001,
  limit: 40002,
  unauthenticated: 40101,
  badSignature: 40102,
  staleDate: 40103,
  replayed: 40104,
  forbidden: 40301,
  notFound: 40401,
  methodNotAllowed: 40501,
  conflict: 40901,
  internal: 50001,
} as const;

const BY_KIND: Record<ErrorKind, { statusCode: number; apiCode: number }> = {
  validation: { statusCode: 400, apiCode: API_CODE.invalid },
  limit: { statusCode: 400, apiCode: API_CODE.limit },
  not_found: { statusCode: 404, apiCode: API_CODE.notFound },
  conflict: { statusCode: 409, apiCode: API_CODE.conflict },
  unauthenticated: { statusCode: 401, apiCode: API_CODE.unauthenticated },
  forbidden: { statusCode: 403, apiCode: API_CODE.forbidden },
};

export const success = (data: unknown, requestId: string) => Response.json({ statusCode: 200, message: "Success", requestId, data });

export const failure = (statusCode: number, apiCode: number, message: string, requestId: string, httpStatus = 200) =>
  Response.json({ statusCode, message, apiCode, requestId }, { status: httpStatus });

/** Thrown by the adapter when a request is not signed by a live access key: answered with HTTP 401. */
export class SignatureError extends Error {
  constructor(
    message: string,
    readonly apiCode: number,
  ) {
    super(message);
  }
}

export function errorResponse(error: unknown, requestId: string): Response {
  if (error instanceof SignatureError) return failure(401, error.apiCode, error.message, requestId, 401);
  if (error instanceof ArborError) {
    const { statusCode, apiCode } = BY_KIND[error.kind];
    return failure(statusCode, apiCode, error.message, requestId);
  }
  console.error(`GenAuth API: unexpected error (request ${requestId})`, error);
  return failure(500, API_CODE.internal, "internal error", requestId);
}
