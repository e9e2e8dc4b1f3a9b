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

function columnRef(key: SortKey, table: string): RawBuilder<unknown> {
  const ref = sql.ref(`${table}.${key.column}`);
  return key.nocase ? sql`${ref} collate nocase` : sql`${ref}`;
}

/** `ORDER BY` for a sort, written exactly as the index is so SQLite walks the index. */
export function orderByClause(sort: SongSort, table = 's'): RawBuilder<unknown> {
  const parts = SORT_KEYS[sort].map((key) => sql`${columnRef(key, table)} ${sql.raw(key.desc ? 'desc' : 'asc')}`);
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
export function afterKeyCondition(sort: SongSort, values: SortValue[], table = 's'): RawBuilder<unknown> {
  const keys = SORT_KEYS[sort];
  let condition: RawBuilder<unknown> = sql`0`;
  for (let i = keys.length - 1; i >= 0; i -= 1) {
    const key = keys[i]!;
    const value = values[i] ?? null;
    const ref = columnRef(key, table);
    const after = afterOne(ref, value, key.desc === true);
    const equal = value === null ? sql`${ref} is null` : sql`${ref} = ${value}`;
    condition = i === keys.length - 1 ? after : sql`(${after} or (${equal} and ${condition}))`;
  }
  // A redundant bound on the leading key lets SQLite seek into the index instead of scanning from its start.
  const first = keys[0]!;
  const firstValue = values[0] ?? null;
  if (firstValue === null) return condition;
  const bound = first.desc ? sql`${columnRef(first, table)} <= ${firstValue}` : sql`${columnRef(first, table)} >= ${firstValue}`;
  return sql`(${bound} and ${condition})`;
}

function afterOne(ref: RawBuilder<unknown>, value: SortValue, desc: boolean): RawBuilder<unknown> {
  if (desc) return value === null ? sql`0` : sql`(${ref} < ${value} or ${ref} is null)`;
  return value === null ? sql`${ref} is not null` : sql`${ref} > ${value}`;
}
