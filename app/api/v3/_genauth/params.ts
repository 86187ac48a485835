/**
 * Request parameters as the SDK signed them, and their validation. GET
 * parameters come from the query (axios sends arrays as `key[]=a&key[]=b`,
 * folded back here); POST parameters are the JSON body's top-level keys.
 */
import { z } from "zod";
import { readJson } from "@/app/_http/body";
import { fromRequest } from "@/app/_http/api-request";
import { ArborError, fromZod, invalid } from "@/lib/shared/errors";

export type Params = Record<string, unknown>;

export function queryParams(url: URL): Params {
  const out: Record<string, string | string[]> = {};
  for (const [rawKey, value] of url.searchParams) {
    const isArray = rawKey.endsWith("[]");
    const key = isArray ? rawKey.slice(0, -2) : rawKey;
    const prev = out[key];
    if (prev === undefined) out[key] = isArray ? [value] : value;
    else out[key] = [...(Array.isArray(prev) ? prev : [prev]), value];
  }
  return out;
}

export async function bodyParams(req: Request): Promise<Params> {
  const body = await readJson(fromRequest(req));
  if (body === undefined) return {};
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw invalid("body", "type:object", "body: must be a JSON object");
  return body as Params;
}

/**
 * Validates parameters; an array longer than its documented limit is a
 * `limit` error (apiCode 40002), anything else a validation error naming the field.
 */
export function parseParams<S extends z.ZodType>(schema: S, params: Params): z.output<S> {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const overLimit = result.error.issues.find((i) => i.code === "too_big" && i.origin === "array");
  if (overLimit?.code === "too_big") {
    const field = overLimit.path.map(String).join(".");
    const message = `${field}: at most ${String(overLimit.maximum)} items`;
    throw new ArborError("limit", message, [{ field, rule: "limit", message }]);
  }
  throw fromZod(result.error);
}

// ---- shared field rules

/** Query values arrive as text: `1`, `true`. */
export const booleanParam = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);
export const MAX_PAGE_SIZE = 50;
export const pageParams = {
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE, `limit: at most ${MAX_PAGE_SIZE}`).default(10),
};

/** A list parameter: an array, or (documented for codeList) one comma-separated text. */
export const listParam = (item: z.ZodType<string>, max: number) =>
  z.preprocess((v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v), z.array(item).max(max));

/** A list that must name something; an empty one is never sent by the SDK, so absent and empty read alike. */
export const requiredListParam = (item: z.ZodType<string>, max: number) =>
  z.preprocess((v) => v ?? [], listParam(item, max).refine((l) => l.length > 0, "give at least one item"));

/** A namespace code is the key of a resource type in the organization's scope (docs/compat-genauth.md). */
export const namespaceCode = z.string().regex(/^[a-z][a-z0-9-]{0,63}$/, "invalid namespace code: lowercase letters, digits and '-', starting with a letter; at most 64");
export const optionalNamespace = namespaceCode.default("default");

/** Resource codes: printable ASCII without spaces, quotes, commas (the codeList separator) or `*` (a pattern); at most 64. */
export const resourceCode = z.string().regex(/^(?!.*[*,"'\\])[\x21-\x7e]{1,64}$/, "invalid resource code");
/** Codes a grant may name: a resource code, or a pattern with `*` (`books:*`). */
export const grantCode = z.string().regex(/^(?!.*[,"'\\])[\x21-\x7e]{1,64}$/, "invalid resource code");

export const RESOURCE_KINDS = ["DATA", "API", "MENU", "BUTTON", "UI"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];
export const resourceKind = z.enum(RESOURCE_KINDS);

export const TARGET_TYPES = ["USER", "ROLE", "GROUP", "DEPARTMENT"] as const;
export type TargetType = (typeof TARGET_TYPES)[number];
export const targetType = z.enum(TARGET_TYPES);

/** `name`/`description` pairs a resource declares (≤ 100). */
export const resourceActions = z.array(z.object({ name: z.string().min(1).max(64), description: z.string().max(2000).optional() })).max(100);

export const userIdType = z.enum(["user_id", "external_id", "phone", "email", "username", "identity", "sync_relation", "custom_field"]).default("user_id");

/** One numbered page of a list held in memory (lists that are small by nature: namespaces, roles, targets). */
export function paged<T>(all: T[], q: { page: number; limit: number }) {
  const start = (q.page - 1) * q.limit;
  return { totalCount: all.length, list: all.slice(start, start + q.limit) };
}
