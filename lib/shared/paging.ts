import { z } from "zod";

export const MAX_PAGE_SIZE = 1000;

export const pageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(100),
  cursor: z.string().max(200).optional(),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export type Page<T> = { data: T[]; nextCursor: string | null };

/** Callers fetch limit + 1 rows; the extra row only says another page exists. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => string): Page<T> {
  const hasMore = rows.length > limit;
  const data = hasMore ? rows.slice(0, limit) : rows;
  return { data, nextCursor: hasMore ? cursorOf(data[data.length - 1]) : null };
}
