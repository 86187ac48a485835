/**
 * Bulk inserts as one statement with one array parameter per column
 * (`insert … select * from unnest($1::text[], $2::text[], …)`): the statement
 * text stays tiny however many rows it carries, so parsing and planning cost
 * nothing, and both drivers pass the arrays natively.
 */
import { getTableColumns, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Queryable } from "./client";

const ROWS_PER_STATEMENT = 10_000;

export async function bulkInsert<T extends PgTable>(db: Queryable, table: T, rows: T["$inferInsert"][]) {
  if (!rows.length) return;
  const columns = getTableColumns(table) as Record<string, { name: string; getSQLType(): string }>;
  const keys = Object.keys(rows[0]).filter((k) => columns[k]);
  const names = sql.join(keys.map((k) => sql.identifier(columns[k].name)), sql`, `);
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const slice = rows.slice(i, i + ROWS_PER_STATEMENT) as Record<string, unknown>[];
    const arrays = keys.map((k) => sql`${sql.param(slice.map((r) => r[k] ?? null))}::${sql.raw(columns[k].getSQLType())}[]`);
    await db.execute(sql`insert into ${table} (${names}) select * from unnest(${sql.join(arrays, sql`, `)})`);
  }
}

/** `column = any($1::text[])`: one parameter for any number of values, unlike `in (…)`. */
export const anyOf = (column: { getSQLType(): string }, values: string[]) => sql`${column} = any(${sql.param(values)}::text[])`;
