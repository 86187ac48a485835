/**
 * Bulk writes for imports. Rows go in with COPY (text format), several times
 * faster than multi-row inserts: no statement to parse, no parameter arrays to
 * decode. Both drivers speak it: postgres.js streams into `copy … from stdin`,
 * PGlite reads a blob as `/dev/blob`.
 *
 * A load into (nearly) empty tables can also set their keys, indexes and
 * foreign keys aside and rebuild them once the rows are in, the way
 * pg_restore does: building an index from sorted rows and checking a foreign
 * key with one join cost a fraction of maintaining them row by row (even the
 * primary key halves the cost of a COPY). Everything happens inside the
 * caller's transaction, so a failure (a key, foreign key or uniqueness the
 * rebuild finds broken included) rolls the tables back whole.
 */
import { getTableColumns, getTableName, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Queryable, Transaction } from "./client";

const COPY_BATCH_ROWS = 5_000;

type PostgresJsClient = { unsafe(query: string): { writable(): Promise<NodeJS.WritableStream> } };
type PgliteClient = { query(query: string, params: unknown[], options: { blob: Blob }): Promise<unknown> };

/** The driver's own client under a drizzle transaction (or database): COPY is not part of drizzle's API. */
const driverClient = (db: Queryable) => (db as unknown as { session: { client: PostgresJsClient | PgliteClient } }).session.client;

// COPY's text format: backslash escapes for the characters that delimit fields and rows; \N is null.
const SPECIAL = /[\\\t\n\r]/;
const escapeCopy = (text: string) => (SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r")) : text);

/** One column's value as COPY text: text columns (identifiers included) as they are, others through drizzle's own mapping (JSON, dates). */
function encoderOf(column: PgColumn): (value: unknown) => string {
  if (column.getSQLType().startsWith("text")) return (value) => (value === null || value === undefined ? "\\N" : escapeCopy(String(value)));
  return (value) => {
    if (value === null || value === undefined) return "\\N";
    const driverValue = column.mapToDriverValue(value);
    return escapeCopy(typeof driverValue === "string" ? driverValue : driverValue instanceof Date ? driverValue.toISOString() : String(driverValue));
  };
}

/** Inserts rows with COPY; columns missing from the first row take their defaults. */
export async function copyInto<T extends PgTable>(db: Queryable, table: T, rows: T["$inferInsert"][]) {
  if (!rows.length) return;
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(rows[0]).filter((k) => columns[k]);
  const encoders = keys.map((k) => encoderOf(columns[k]));
  const statement = `copy "${getTableName(table)}" (${keys.map((k) => `"${columns[k].name}"`).join(", ")}) from `;
  const batches = (function* () {
    for (let i = 0; i < rows.length; i += COPY_BATCH_ROWS) {
      let text = "";
      for (let r = i; r < Math.min(rows.length, i + COPY_BATCH_ROWS); r++) {
        const row = rows[r] as Record<string, unknown>;
        for (let c = 0; c < keys.length; c++) text += (c ? "\t" : "") + encoders[c](row[keys[c]]);
        text += "\n";
      }
      yield text;
    }
  })();
  const client = driverClient(db);
  if ("unsafe" in client) {
    const stream = await client.unsafe(`${statement}stdin`).writable();
    await new Promise<void>((resolve, reject) => {
      stream.on("error", reject);
      stream.on("finish", resolve);
      // All at once, without waiting for "drain": the rows are in memory already, and the socket then
      // feeds the server by itself while this thread parses on, instead of a batch per turn of the event loop.
      for (const batch of batches) stream.write(batch);
      stream.end();
    });
  } else {
    await client.query(`${statement}'/dev/blob'`, [], { blob: new Blob([...batches]) });
  }
}

/** `column = any($1::text[])`: one parameter for any number of values, unlike `in (…)`. */
export const anyOf = (column: { getSQLType(): string }, values: string[]) => sql`${column} = any(${sql.param(values)}::text[])`;

/** Counts a table's rows, stopping at `atMost + 1`: enough to tell "small" from "large" without a full scan. */
export async function rowsUpTo(db: Queryable, table: PgTable, atMost: number): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from (select 1 from ${table} limit ${atMost + 1}) as s`);
  return Number(row.n);
}

type Definition = { name: string; definition: string };
type ForeignKey = Definition & { references: string };

/**
 * Takes the tables exclusively and drops their secondary indexes, foreign
 * keys and primary keys (a primary key stays when a table outside the set
 * has a foreign key on it); returns each table's rebuild, or null when the
 * tables are busy: readers would wait for the whole load, and a reader
 * already holding one of them could deadlock with us, so after a short wait
 * the caller takes the ordinary path instead. A table's rows may keep coming
 * after its rebuild: its keys and indexes are back, so they are maintained
 * and checked row by row.
 */
export async function setIndexesAside(tx: Transaction, tables: PgTable[]): Promise<Map<PgTable, () => Promise<void>> | null> {
  const names = tables.map((t) => getTableName(t));
  const [{ lockTimeout }] = await rowsOf<{ lockTimeout: string }>(tx, sql`select current_setting('lock_timeout') as "lockTimeout"`);
  try {
    await tx.transaction(async (savepoint) => {
      await savepoint.execute(sql`select set_config('lock_timeout', '500ms', true)`);
      await savepoint.execute(sql.raw(`lock table ${names.map((n) => `"${n}"`).join(", ")} in access exclusive mode`));
    });
  } catch {
    return null;
  }
  await tx.execute(sql`select set_config('lock_timeout', ${lockTimeout}, true)`);
  // Index builds sort in memory when they can; SET LOCAL ends with the transaction.
  await tx.execute(sql`select set_config('maintenance_work_mem', '256MB', true)`);
  const foreignKeys = new Map<string, ForeignKey[]>();
  for (const name of names) {
    const keys = await rowsOf<ForeignKey>(
      tx,
      // The referenced table by its bare name (regclass text would add the schema when it is off the search path).
      sql`select conname as name, pg_get_constraintdef(oid) as definition, (select relname from pg_class where oid = confrelid) as "references"
          from pg_constraint where conrelid = ${name}::regclass and contype = 'f'`,
    );
    for (const fk of keys) await tx.execute(sql.raw(`alter table "${name}" drop constraint "${fk.name}"`));
    foreignKeys.set(name, keys);
  }
  // A primary key restored later, once: by its table's rebuild or before a foreign key that needs it.
  const primaryKeys = new Map<string, () => Promise<void>>();
  const restorePrimaryKey = async (name: string) => {
    const restore = primaryKeys.get(name);
    primaryKeys.delete(name);
    await restore?.();
  };
  const rebuilds = new Map<PgTable, () => Promise<void>>();
  for (const [t, table] of tables.entries()) {
    const name = names[t];
    const [primaryKey] = await rowsOf<Definition>(
      tx,
      sql`select conname as name, pg_get_constraintdef(c.oid) as definition from pg_constraint c
          where c.conrelid = ${name}::regclass and c.contype = 'p'
            and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.confrelid = c.conrelid)`,
    );
    if (primaryKey) {
      await tx.execute(sql.raw(`alter table "${name}" drop constraint "${primaryKey.name}"`));
      primaryKeys.set(name, () => tx.execute(sql.raw(`alter table "${name}" add constraint "${primaryKey.name}" ${primaryKey.definition}`)).then(() => {}));
    }
    const indexes = await rowsOf<Definition>(
      tx,
      sql`select i.relname as name, pg_get_indexdef(x.indexrelid) as definition
          from pg_index x join pg_class i on i.oid = x.indexrelid
          where x.indrelid = ${name}::regclass and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`,
    );
    for (const index of indexes) await tx.execute(sql.raw(`drop index "${index.name}"`));
    rebuilds.set(table, async () => {
      await restorePrimaryKey(name);
      for (const index of indexes) await tx.execute(sql.raw(index.definition));
      for (const fk of foreignKeys.get(name)!) {
        await restorePrimaryKey(fk.references);
        await tx.execute(sql.raw(`alter table "${name}" add constraint "${fk.name}" ${fk.definition}`));
      }
    });
  }
  return rebuilds;
}

/** Result rows of `execute`, which postgres.js answers as an array and PGlite as `{ rows }`. */
async function rowsOf<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
