/**
 * An API answer before it goes on the wire: status, JSON body (none for 204)
 * and extra headers. Next.js gets it as a `Response` (`toResponse`); the
 * server's hot path writes it to Node's response directly. Answers that are
 * not JSON (the tuple export's stream) stay plain `Response`s.
 */
export type Answer = { status: number; json?: unknown; headers?: Record<string, string> };

export const answer = (json: unknown, status = 200, headers?: Record<string, string>): Answer => ({ status, json, headers });

export function toResponse(out: Answer | Response): Response {
  if (out instanceof Response) return out;
  if (out.json === undefined) return new Response(null, { status: out.status, headers: out.headers });
  return Response.json(out.json, { status: out.status, headers: out.headers });
}

export function withHeader(out: Answer | Response, name: string, value: string): Answer | Response {
  if (out instanceof Response) {
    out.headers.set(name, value);
    return out;
  }
  return { ...out, headers: { ...out.headers, [name]: value } };
}

/**
 * A route's answer to a method it does not export, in its family's error
 * format: the server calls it instead of letting Next.js answer 405 with an
 * empty body (scripts/route-methods.mjs). `allowed` feeds the Allow header.
 */
export type WrongMethod = (method: string, allowed: string[]) => Answer;

export const methodMessage = (method: string, allowed: string[]) => `method ${method} is not allowed here; allowed: ${allowed.join(", ")}`;

/** The body as stored for a replay (WorkOS idempotency keys). */
export async function bodyText(out: Answer | Response): Promise<string> {
  if (out instanceof Response) return out.clone().text();
  return out.json === undefined ? "" : JSON.stringify(out.json);
}
