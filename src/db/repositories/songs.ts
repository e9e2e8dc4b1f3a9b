import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { sep } from 'node:path';
import { fold } from '../../text/fold.js';
import { prefixUpperBound } from './path-range.js';
import { FOLD_FUNCTION } from '../sql-functions.js';
import { caseless } from '../dialect/caseless.js';
import { dialectOf } from '../dialect/dialect.js';
import { matchingIds, startsWith, toTsquery } from '../dialect/search-sql.js';
import type { Song } from '../../domain/song.js';
import type { Database, SongRow } from '../schema.js';
import { songRowToSong } from './song-row.js';
import { afterKeyCondition, orderByClause, sortValues, type SongSort, type SortValue } from './song-order.js';
import { isStorableId, storableIds } from '../id-range.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Whole-tag filters on the visible catalogue, ignoring case and accents. */
export interface SongFilters {
  artist?: string | undefined;
  album?: string | undefined;
  genre?: string | undefined;
  /** Only songs under this folder (absolute, without a trailing separator). */
  folder?: string | undefined;
}

export async function findSongById(db: Db, id: number): Promise<Song | undefined> {
  if (!isStorableId(id)) return undefined;
  const row = await db.selectFrom('songs').selectAll().where('id', '=', id).executeTakeFirst();
  return row && songRowToSong(row);
}

export async function findSongsByIds(db: Db, wanted: readonly number[]): Promise<Song[]> {
  const ids = storableIds(wanted);
  if (ids.length === 0) return [];
  return (await db.selectFrom('songs').selectAll().where('id', 'in', ids).execute()).map(songRowToSong);
}

export async function countVisibleSongs(db: Db): Promise<number> {
  const row = await db
    .selectFrom('songs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('missing_since', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

const FILTERED_TAGS = ['genre'] as const;

function filterConditions(db: Db, filters: SongFilters, table = 's'): RawBuilder<unknown>[] {
  // PostgreSQL text cannot hold a NUL (nor take one as a parameter): no stored tag equals such a value.
  if (dialectOf(db).name === 'postgres' && Object.values(filters).some((v) => typeof v === 'string' && v.includes('\0'))) return [sql`(1 = 0)`];
  const conditions = FILTERED_TAGS.flatMap((tag) => {
    const value = filters[tag];
    return value === undefined ? [] : [sameTag(db, table, tag, value)];
  });
  if (filters.artist !== undefined) conditions.push(byArtist(db, table, fold(filters.artist.trim())));
  if (filters.album !== undefined) conditions.push(onAlbum(table, fold(filters.album.trim())));
  if (filters.folder !== undefined) {
    const prefix = `${filters.folder}${sep}`;
    conditions.push(startsWith(db, sql.ref(`${table}.path`), prefix, prefixUpperBound(prefix)));
  }
  return conditions;
}

/**
 * The song's track artist, or its album's artist, has this folded name. Written as one set of ids from
 * two index lookups: as an OR, SQLite walked the whole catalogue order testing every row.
 */
function byArtist(db: Db, table: string, nameKey: string): RawBuilder<unknown> {
  const artist = sql`(select id from artists where name_key = ${nameKey})`;
  if (dialectOf(db).name === 'postgres') {
    return sql`${sql.ref(`${table}.id`)} in (
      select id from songs where artist_id = ${artist} and missing_since is null
      union all
      select id from songs where missing_since is null and album_id in (select id from albums where artist_id = ${artist}))`;
  }
  // dialect: sqlite-only (the PostgreSQL twin is above)
  return sql`${sql.ref(`${table}.id`)} in (
    select id from songs indexed by songs_by_artist_id where artist_id = ${artist} and missing_since is null
    union all
    select id from songs indexed by songs_in_album where missing_since is null
      and album_id in (select id from albums indexed by albums_by_artist where artist_id = ${artist}))`;
}

/** The song is on an album of this folded title (any album artist). */
function onAlbum(table: string, titleKey: string): RawBuilder<unknown> {
  return sql`${sql.ref(`${table}.album_id`)} in (select id from albums where title_key = ${titleKey})`;
}

/**
 * The whole tag equal to `value`, ignoring case and accents ("SIGUR ROS" finds "Sigur Rós"; COLLATE
 * NOCASE folds only ASCII). FTS5 finds the few rows holding those words in that column, then the
 * folded values are compared whole. A value without letters or digits has no words to look up.
 * Artists and albums are entities (migration 0007), compared by the same folded names.
 */
function sameTag(db: Db, table: string, tag: (typeof FILTERED_TAGS)[number], value: string): RawBuilder<unknown> {
  const column = sql.ref(`${table}.${tag}`);
  if (dialectOf(db).name === 'postgres') {
    // The folded whole value, on the rows whose search words hold its words.
    const words = /[\p{L}\p{N}]/u.test(value) ? sql` and search_words @@ to_tsquery('simple', ${toTsquery(`"${value.replaceAll('"', '""')}"`)})` : sql``;
    return sql`tunes_fold(${column}) = ${fold(value)}${words}`;
  }
  // dialect: sqlite-only below (the PostgreSQL twin is above)
  // FTS5 ends a phrase at a NUL: such a value is compared as it is.
  if (!/[\p{L}\p{N}]/u.test(value) || value.includes('\0')) return sql`${column} = ${value} collate nocase`;
  const phrase = `${tag} : ^"${value.replaceAll('"', '""')}"`;
  return sql`${sql.ref(`${table}.id`)} in (select rowid from songs_fts where songs_fts match ${phrase})
    and ${sql.raw(FOLD_FUNCTION)}(${column}) = ${fold(value)}`;
}

function whereAll(conditions: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conditions.length === 0 ? sql`(1 = 1)` : sql.join(conditions, sql` and `);
}

export interface OrderedPageRequest {
  /** An FTS5 MATCH expression; undefined lists everything. */
  match?: string | undefined;
  filters: SongFilters;
  sort: SongSort;
  limit: number;
  offset?: number;
  /** Keyset: return rows after this sort key (instead of an offset). */
  after?: SortValue[] | undefined;
}

/** How many visible songs a listing holds (an FTS match and filters, as listSongsOrdered takes them). */
export async function countMatchingSongs(db: Db, request: { match: string | undefined; filters: SongFilters }): Promise<number> {
  const conditions = [sql`s.missing_since is null`, ...filterConditions(db, request.filters)];
  if (request.match !== undefined) conditions.push(sql`s.id in (${matchingIds(db, request.match)})`);
  const { rows } = await sql<{ n: number }>`select count(*) as n from songs s where ${whereAll(conditions)}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** Visible songs in a fixed order, optionally restricted to FTS matches, each with its sort key (for a cursor). */
export async function listSongsOrdered(db: Db, request: OrderedPageRequest): Promise<{ songs: Song[]; keys: SortValue[][] }> {
  const conditions = [sql`s.missing_since is null`, ...filterConditions(db, request.filters)];
  if (request.match !== undefined) conditions.push(sql`s.id in (${matchingIds(db, request.match)})`);
  const order = { caseless: (ref: RawBuilder<unknown>) => caseless(db, ref), postgres: dialectOf(db).name === 'postgres' };
  if (request.after) conditions.push(afterKeyCondition(request.sort, request.after, 's', order));
  const { rows } = await sql<SongRow>`select s.* from songs s where ${whereAll(conditions)}
    order by ${orderByClause(request.sort, 's', order)} limit ${request.limit} offset ${request.offset ?? 0}`.execute(db);
  return { songs: rows.map(songRowToSong), keys: rows.map((row) => sortValues(request.sort, row)) };
}

/** The text a search ranks on, for one matching song. */
export interface SearchCandidate {
  id: number;
  title: string;
  artist: string;
  album: string;
  album_artist: string | null;
  genre: string | null;
}

/**
 * The first `limit` FTS matches in rowid order, with their text. Reading matches in rowid order stops
 * early; asking FTS5 for `rank`/bm25 instead scans every match of every term for its statistics
 * (tens of ms for a common word at 1M rows), so ranking is done by the caller on this bounded set.
 */
export async function searchCandidates(
  db: Db,
  match: string,
  filters: SongFilters,
  limit: number,
): Promise<SearchCandidate[]> {
  if (dialectOf(db).name === 'postgres') {
    const { rows } = await sql<SearchCandidate>`select s.id, s.title, s.artist, s.album, s.album_artist, s.genre from songs s
      where s.id in (${matchingIds(db, match)}) and ${whereAll(filterConditions(db, filters))} order by s.id limit ${limit}`.execute(db);
    return rows;
  }
  const { rows } = await sql<SearchCandidate>`
    select s.id, s.title, s.artist, s.album, s.album_artist, s.genre
    from songs_fts join songs s on s.id = songs_fts.rowid
    where songs_fts match ${match} and ${whereAll(filterConditions(db, filters))}
    order by songs_fts.rowid limit ${limit}`.execute(db);
  return rows;
}

/** Matches in rowid order after `afterRowid`, skipping `offset` (the unranked tail of a search). */
export async function searchTail(
  db: Db,
  request: { match: string; filters: SongFilters; afterRowid: number; offset: number; limit: number },
): Promise<Song[]> {
  if (dialectOf(db).name === 'postgres') {
    const { rows } = await sql<SongRow>`select s.* from songs s where s.id in (${matchingIds(db, request.match)}) and s.id > ${request.afterRowid}
      and ${whereAll(filterConditions(db, request.filters))} order by s.id limit ${request.limit} offset ${request.offset}`.execute(db);
    return rows.map(songRowToSong);
  }
  const { rows } = await sql<SongRow>`select s.* from songs_fts join songs s on s.id = songs_fts.rowid
    where songs_fts match ${request.match} and songs_fts.rowid > ${request.afterRowid}
      and ${whereAll(filterConditions(db, request.filters))}
    order by songs_fts.rowid limit ${request.limit} offset ${request.offset}`.execute(db);
  return rows.map(songRowToSong);
}
