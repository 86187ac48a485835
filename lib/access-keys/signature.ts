/**
 * Request signatures of the GenAuth family (authing-node-sdk 4.0.1), as pure
 * functions. The SDK signs parsed parameters, not bytes:
 *
 *   METHOD \n
 *   every `x-authing-*` header and `date`, sorted, as `key:value\n`
 *   path from `/api/v3/` [ ? sorted `key=value` joined by `&` ]
 *
 * where object and array values are JSON text and undefined values are
 * skipped. The verifier rebuilds that string from what it received; where the
 * SDK signs something it does not send (an empty array, a trailing `?`), the
 * few possible originals are tried. See shared/contracts/genauth.md §3.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export type Params = Record<string, unknown>;
export type Headers = Record<string, string | undefined>;

export type SignedRequest = {
  method: string;
  /** The path as received; anything before `/api/v3/` (a deployment prefix) is not signed. */
  path: string;
  /** Lower-case names, as Node delivers them. */
  headers: Headers;
  /** GET: the query with `key[]` folded into arrays; POST: the JSON body's top-level keys. */
  params: Params;
  /** GET parameters that are arrays: the SDK signs an empty one as `key=[]` but never sends it. */
  arrayParams?: readonly string[];
};

export const MAX_CLOCK_SKEW_MS = 15 * 60_000;

const AUTHORIZATION = /^authing ([^:\s]+):(\S+)$/;

export function parseAuthorization(header: string | null | undefined): { accessKeyId: string; signature: string } | null {
  const match = AUTHORIZATION.exec(header?.trim() ?? "");
  return match ? { accessKeyId: match[1], signature: match[2] } : null;
}

export function canonicalHeaders(headers: Headers): string {
  return Object.keys(headers)
    .filter((key) => key.startsWith("x-authing-") || key === "date")
    .sort()
    .map((key) => `${key}:${(headers[key] ?? "").replace(/[\t\n\r\f]/g, " ").trim()}\n`)
    .join("");
}

export function signedPath(path: string): string {
  const at = path.indexOf("/api/v3/");
  return at < 0 ? path : path.slice(at);
}

export function canonicalResource(path: string, params: Params): string {
  const keys = Object.keys(params).sort();
  if (!keys.length) return path;
  const parts: string[] = [];
  for (const key of keys) {
    const value = params[key];
    if (value === undefined) continue;
    parts.push(`${key}=${typeof value === "object" && value !== null ? JSON.stringify(value) : String(value)}`);
  }
  return `${path}?${parts.join("&")}`;
}

export function stringToSign(method: string, path: string, headers: Headers, params: Params): string {
  return `${method.toUpperCase()}\n${canonicalHeaders(headers)}${canonicalResource(signedPath(path), params)}`;
}

export function sign(secret: string, text: string): string {
  return createHmac("sha1", secret).update(Buffer.from(text, "utf8")).digest("base64");
}

/** The parameter objects the client may have signed for what arrived (§3.5 edge cases). */
function candidateParams(req: SignedRequest): Params[] {
  const absent = (req.arrayParams ?? []).filter((key) => req.params[key] === undefined);
  const out: Params[] = [];
  for (let mask = 0; mask < 1 << absent.length; mask++) {
    const params = { ...req.params };
    absent.forEach((key, i) => {
      if (mask & (1 << i)) params[key] = [];
    });
    out.push(params);
  }
  return out;
}

function candidateStrings(req: SignedRequest): string[] {
  const out: string[] = [];
  for (const params of candidateParams(req)) {
    const text = stringToSign(req.method, req.path, req.headers, params);
    out.push(text);
    // Every parameter undefined: the SDK still appends `?`.
    if (!text.slice(text.lastIndexOf("\n") + 1).includes("?")) out.push(`${text}?`);
  }
  return out;
}

const sameBytes = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** True when `signature` is the secret's HMAC of one of the strings the client may have signed; compared in constant time. */
export function signatureMatches(req: SignedRequest, secret: string, signature: string): boolean {
  let matched = false;
  // Every candidate is compared, so the time taken does not say which one matched.
  for (const text of candidateStrings(req)) matched = sameBytes(sign(secret, text), signature) || matched;
  return matched;
}

/** The `date` header parses and lies within ±15 minutes of now. */
export function dateIsFresh(date: string | undefined, now: number, maxSkewMs = MAX_CLOCK_SKEW_MS): boolean {
  const at = date ? Date.parse(date) : Number.NaN;
  return Number.isFinite(at) && Math.abs(now - at) <= maxSkewMs;
}
