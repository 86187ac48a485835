/**
 * WorkOS list conventions (contract §3.4): `limit` 1–100 (default 10),
 * `before`/`after` cursors that are object ids, `order` asc|desc (default
 * desc), answered as `{ object: "list", data, list_metadata: { before, after } }`.
 */
import { z } from "zod";
import type { KeysetPage, KeysetWindow } from "@/lib/shared/keyset";
import { keysetSlice } from "@/lib/shared/keyset";
import { parseWith } from "@/lib/shared/errors";

const cursor = z.string().min(1).max(200).optional();

const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(10),
  before: cursor,
  after: cursor,
  order: z.enum(["asc", "desc"]).default("desc"),
});

export const windowOf = (query: unknown): KeysetWindow => parseWith(pageQuerySchema.strip(), query);

export function listBody<T, W>(page: KeysetPage<T>, shape: (item: T) => W) {
  return { object: "list" as const, data: page.data.map(shape), list_metadata: { before: page.before, after: page.after } };
}

/** A list computed whole (by a decision over every candidate), paged by id. */
export const pageOfAll = <T extends { id: string }>(items: T[], window: KeysetWindow) => keysetSlice(items, (i) => i.id, window);
