import { sql, type RawBuilder } from 'kysely';
import type { SongRow } from '../schema.js';

/** The orders the catalogue can be listed in; each ends in `id` so it is total (needed for keysets). */
export const SONG_SORTS = ['artist', 'album', 'title', 'year', 'added', 'duration', 'path'] as const;
export type SongSort = (typeof SONG_SORTS)[number];

type SortColumn =
  | 'album_order' | 'file_order' | 'album' | 'title' | 'disc_no' | 'track_no' | 'year' | 'added_at' | 'duration_ms' | 'path' | 'id';

interface SortKey {
  column: SortColumn;
  nocase?: boolean;
  desc?: boolean;
}

// Each matches an index from migrations 0003/0007 (partial, on songs not missing) so a page is an index walk.
const SORT_KEYS: Record<SongSort, SortKey[]> = {
  // The catalogue's order: album artist, album (each album whole), disc, track, file name; never the track artist.
  artist: [{ column: 'album_order' }, { column: 'disc_no' }, { column: 'track_no' }, { column: 'file_order' }, { column: 'id' }],
  album: [{ column: 'album', nocase: true }, { column: 'disc_no' }, { column: 'track_no' }, { column: 'id' }],
  title: [{ column: 'title', nocase: true }, { column: 'id' }],
  year: [{ column: 'year' }, { column: 'id' }],
  // added_at is NOT NULL, which the leading-key bound in afterKeyCondition relies on for a descending key.
  added: [{ column: 'added_at', desc: true }, { column: 'id', desc: true }],
  duration: [{ column: 'duration_ms' }, { column: 'id' }],
  // Paths are unique: the order files sit in on the disk (byte-wise), along the unique index on path.
  path: [{ column: 'path' }],
};

export type SortValue = string | number | null;

/** How the database orders: case folded its way (src/db/dialect/caseless.ts); PostgreSQL puts NULL last ascending unless told. */
export interface OrderDialect {
  caseless(ref: RawBuilder<unknown>): RawBuilder<unknown>;
  postgres: boolean;
}

const SQLITE_ORDER: OrderDialect = { caseless: (ref) => sql`${ref} collate nocase`, postgres: false };

function columnRef(key: SortKey, table: string, order: OrderDialect): RawBuilder<unknown> {
  const ref = sql`${sql.ref(`${table}.${key.column}`)}`;
  return key.nocase ? order.caseless(ref) : ref;
}

/** `ORDER BY` for a sort, written exactly as the index is so SQLite walks the index (NULL first ascending on both). */
export function orderByClause(sort: SongSort, table = 's', order = SQLITE_ORDER): RawBuilder<unknown> {
  const nulls = (desc: boolean) => (order.postgres ? (desc ? ' nulls last' : ' nulls first') : '');
  const parts = SORT_KEYS[sort].map((key) => sql`${columnRef(key, table, order)} ${sql.raw((key.desc ? 'desc' : 'asc') + nulls(key.desc === true))}`);
  return sql.join(parts);
}

/** The sort key of a row, which a cursor carries. */
export function sortValues(sort: SongSort, row: SongRow): SortValue[] {
  return SORT_KEYS[sort].map((key) => row[key.column]);
}

export function sortKeyCount(sort: SongSort): number {
  return SORT_KEYS[sort].length;
}

/**
 * "Rows after this key" for a keyset page. SQLite sorts NULL first ascending (last descending) and
 * row-value comparison is NULL-unaware, so it is expanded: k1 > v1 OR (k1 = v1 AND (k2 > v2 OR ...)).
 */
export function afterKeyCondition(sort: SongSort, values: SortValue[], table = 's', order = SQLITE_ORDER): RawBuilder<unknown> {
  const keys = SORT_KEYS[sort];
  let condition: RawBuilder<unknown> = sql`(1 = 0)`;
  for (let i = keys.length - 1; i >= 0; i -= 1) {
    const key = keys[i]!;
    const value = values[i] ?? null;
    const ref = columnRef(key, table, order);
    // PostgreSQL compares lower(column) with the value folded the same way (SQLite's nocase folds both sides itself).
    const bound = (v: SortValue) => (key.nocase && order.postgres && v !== null ? order.caseless(sql`${v}`) : v);
    const after = afterOne(ref, bound(value), key.desc === true);
    const equal = value === null ? sql`${ref} is null` : sql`${ref} = ${bound(value)}`;
    condition = i === keys.length - 1 ? after : sql`(${after} or (${equal} and ${condition}))`;
  }
  // A redundant bound on the leading key lets SQLite seek into the index instead of scanning from its start.
  const first = keys[0]!;
  const firstValue = values[0] ?? null;
  if (firstValue === null) return condition;
  const v = first.nocase && order.postgres ? order.caseless(sql`${firstValue}`) : firstValue;
  const bound = first.desc ? sql`${columnRef(first, table, order)} <= ${v}` : sql`${columnRef(first, table, order)} >= ${v}`;
  return sql`(${bound} and ${condition})`;
}

function afterOne(ref: RawBuilder<unknown>, value: SortValue | RawBuilder<unknown>, desc: boolean): RawBuilder<unknown> {
  if (desc) return value === null ? sql`(1 = 0)` : sql`(${ref} < ${value} or ${ref} is null)`;
  return value === null ? sql`${ref} is not null` : sql`${ref} > ${value}`;
}
