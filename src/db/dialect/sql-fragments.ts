import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';
import { dialectOf } from './dialect.js';

/**
 * Small SQL pieces whose text differs between SQLite and PostgreSQL, for repositories that write
 * raw `sql```: each returns SQLite's text or PostgreSQL's, chosen by the handle's dialect.
 */

/** `value` compared and sorted byte-wise (SQLite's default, PostgreSQL's "C" collation), as paths are. */
export function bytewise(db: Kysely<Database>, value: RawBuilder<unknown> | ReturnType<typeof sql.ref>): RawBuilder<unknown> {
  return dialectOf(db).name === 'postgres' ? sql`(${value} collate "C")` : sql`${value}`;
}

/** The 1-based place of `needle` in `haystack`, 0 when absent (SQLite's instr, PostgreSQL's strpos). */
export function position(db: Kysely<Database>, haystack: RawBuilder<unknown>, needle: unknown): RawBuilder<number> {
  return dialectOf(db).name === 'postgres' ? sql<number>`strpos(${haystack}, ${needle})` : sql<number>`instr(${haystack}, ${needle})`;
}

/** The one-character string of this code (SQLite's char, PostgreSQL's chr). */
export function charOf(db: Kysely<Database>, code: number): RawBuilder<string> {
  return dialectOf(db).name === 'postgres' ? sql<string>`chr(${sql.lit(code)})` : sql<string>`char(${sql.lit(code)})`;
}

/** A subquery of these integers, one a row (`x in ${integerList(db, ids)}`), as one parameter on both. */
export function integerList(db: Kysely<Database>, values: readonly number[]): RawBuilder<unknown> {
  if (dialectOf(db).name === 'postgres') return sql`(select unnest(cast(${[...values]} as bigint[])))`;
  return sql`(select value from json_each(${JSON.stringify(values)}))`;
}

/** `value` compared ignoring ASCII case, as SQLite's `= ... collate nocase`: lower() on both sides on PostgreSQL. */
export function caselessMatch(db: Kysely<Database>, column: RawBuilder<unknown> | ReturnType<typeof sql.ref>, value: unknown): RawBuilder<boolean> {
  return dialectOf(db).name === 'postgres' ? sql<boolean>`lower(${column}) = lower(${value})` : sql<boolean>`${column} = ${value} collate nocase`;
}
