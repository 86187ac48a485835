/**
 * Keyset pages that move both ways: `after` a key or `before` it, in
 * ascending or descending key order (WorkOS-style lists). Keys are ids, which
 * are monotonic ULIDs, so key order is creation order. One algorithm serves
 * database queries and in-memory lists alike: the caller only says how to
 * fetch the items beyond a key in one direction.
 */
export type Order = "asc" | "desc";
export type KeysetWindow = { limit: number; order: Order; after?: string; before?: string };
/** `before`/`after`: the first/last key of the page when items exist on that side, else null. */
export type KeysetPage<T> = { data: T[]; before: string | null; after: string | null };
/** Up to `limit` items whose key lies strictly beyond `from` (all, when absent) in `direction`, nearest first. */
export type KeysetFetch<T> = (from: string | undefined, direction: Order, limit: number) => Promise<T[]>;

const flip = (order: Order): Order => (order === "asc" ? "desc" : "asc");

/** `after` wins when both cursors are given: a page is read forward from it. */
export async function keysetPage<T>(window: KeysetWindow, keyOf: (item: T) => string, fetch: KeysetFetch<T>): Promise<KeysetPage<T>> {
  const backward = window.after === undefined && window.before !== undefined;
  const cursor = backward ? window.before : window.after;
  const rows = await fetch(cursor, backward ? flip(window.order) : window.order, window.limit + 1);
  const more = rows.length > window.limit;
  const data = rows.slice(0, window.limit);
  if (backward) data.reverse();
  if (!data.length) return { data, before: null, after: null };
  const first = keyOf(data[0]);
  const last = keyOf(data[data.length - 1]);
  // The side the page was read towards is known from the extra row; the other side costs one probe.
  const hasBefore = backward ? more : cursor !== undefined && (await fetch(first, flip(window.order), 1)).length > 0;
  const hasAfter = backward ? (await fetch(last, window.order, 1)).length > 0 : more;
  return { data, before: hasBefore ? first : null, after: hasAfter ? last : null };
}

/** The same page over a list already in memory. */
export function keysetSlice<T>(items: T[], keyOf: (item: T) => string, window: KeysetWindow): Promise<KeysetPage<T>> {
  const sorted = [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const fetch: KeysetFetch<T> = async (from, direction, limit) => {
    const side = direction === "asc" ? sorted.filter((i) => from === undefined || keyOf(i) > from) : sorted.filter((i) => from === undefined || keyOf(i) < from).reverse();
    return side.slice(0, limit);
  };
  return keysetPage(window, keyOf, fetch);
}
