import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';
import { dialectOf } from './dialect.js';

/**
 * `value` compared and sorted ignoring (ASCII) case: SQLite's `collate nocase` (which its indexes on
 * such columns are built with), PostgreSQL's `lower(...)` (which its expression indexes use).
 */
export function caseless(db: Kysely<Database>, value: RawBuilder<unknown> | ReturnType<typeof sql.ref>): RawBuilder<unknown> {
  return dialectOf(db).name === 'postgres' ? sql`lower(${value})` : sql`${value} collate nocase`;
}

/** `column = value` ignoring case, on a column SQLite declares `collate nocase` (users.username). */
export function caselessEquals(db: Kysely<Database>, column: string, value: string): RawBuilder<boolean> {
  return dialectOf(db).name === 'postgres' ? sql<boolean>`lower(${sql.ref(column)}) = lower(${value})` : sql<boolean>`${sql.ref(column)} = ${value}`;
}
