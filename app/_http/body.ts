/**
 * Request body reading shared by every API family: size and depth limits are
 * enforced, and text the database cannot store is refused, before any domain
 * code sees the input.
 */
import { ArborError, invalid } from "@/lib/shared/errors";
import type { ApiRequest } from "./api-request";

export const MAX_JSON_BYTES = 1_000_000;
export const MAX_JSON_DEPTH = 32;

// curl's `-d` sends form-urlencoded by default; the seed's examples rely on it, so a JSON text is accepted under that type too.
const JSON_TYPES = /^(application\/([\w.-]+\+)?json|application\/x-www-form-urlencoded)\b/i;

/** Parses a JSON body; an empty body is `undefined` (the schema decides whether that is allowed). */
export async function readJson(req: ApiRequest, options: { maxBytes?: number; requireJsonType?: boolean } = {}): Promise<unknown> {
  const text = await req.text(options.maxBytes ?? MAX_JSON_BYTES);
  if (!text.trim()) return undefined;
  const type = req.header("content-type") ?? "";
  if (options.requireJsonType !== false && type && !JSON_TYPES.test(type)) {
    throw new ArborError("validation", "content-type must be application/json", [
      { field: "content-type", rule: "json", message: `content-type: expected application/json, got '${type}'` },
    ]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw invalid("body", "json", `body: malformed JSON (${(error as Error).message})`);
  }
  if (mayBreakLimits(text)) assertShape(value, MAX_JSON_DEPTH);
  return value;
}

/**
 * Whether a parsed text needs the walk below. JSON strings hold control
 * characters only escaped, and decoded UTF-8 has no lone surrogates, so
 * unstorable text needs a `\u` escape; nesting is measured on the text itself
 * (brackets outside strings), which costs a fraction of walking the parsed
 * value: a batch of 1000 checks has thousands of brackets but depth 3.
 * Most bodies need no walk (a check's cost, per request).
 */
function mayBreakLimits(text: string): boolean {
  if (text.includes("\\u")) return true;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      // A backslash escapes the next character (a quote included); the text is valid JSON.
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** Depth, and every string (keys too) storable text. */
function assertShape(value: unknown, max: number) {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (typeof node === "string") assertText(node, "body");
    if (node === null || typeof node !== "object") continue;
    if (depth > max) throw invalid("body", "max_depth", `body: nested deeper than ${max} levels`);
    for (const [key, child] of Object.entries(node)) {
      assertText(key, "body");
      stack.push([child, depth + 1]);
    }
  }
}

/**
 * PostgreSQL stores no NUL character in text or JSON and no lone surrogate
 * (`"\ud800"`) in JSON: such input can name nothing and store nothing, so it
 * is refused here rather than failing deep inside a query.
 */
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function assertText(text: string, field: string) {
  if (UNSTORABLE.test(text)) {
    throw invalid(field, "text", `${field}: must be valid Unicode text without NUL characters`);
  }
}

/** Query string as a plain object; repeated keys become arrays. */
export function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    assertText(k, "query");
    assertText(v, k);
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}
