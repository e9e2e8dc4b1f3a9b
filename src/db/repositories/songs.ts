import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database, Song } from '../schema.js';
import { afterKeyCondition, orderByClause, type SongSort, type SortValue } from './song-order.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Exact (case-insensitive) filters on the visible catalogue. */
export interface SongFilters {
  artist?: string | undefined;
  album?: string | undefined;
  genre?: string | undefined;
}

/**
 * How many FTS matches (in rowid order) are ranked by bm25 for a search. Ranking every match of a
 * common word at 1M rows costs ~200 ms; ranking a bounded candidate set keeps a first page in
 * single-digit ms. Matches past the candidates follow them in rowid order, so paging stays stable.
 */
export const RANKED_CANDIDATES = 1000;

// bm25 column weights: title, artist, album, album_artist, genre.
const BM25 = sql.raw('bm25(songs_fts, 10.0, 8.0, 4.0, 3.0, 1.0)');

export async function findSongById(db: Db, id: number): Promise<Song | undefined> {
  return db.selectFrom('songs').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSongsByIds(db: Db, ids: readonly number[]): Promise<Song[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('songs').selectAll().where('id', 'in', ids).execute();
}

export async function countVisibleSongs(db: Db): Promise<number> {
  const row = await db
    .selectFrom('songs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('missing_since', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

function filterConditions(filters: SongFilters, table = 's'): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [];
  if (filters.artist !== undefined) conditions.push(sql`${sql.ref(`${table}.artist`)} = ${filters.artist} collate nocase`);
  if (filters.album !== undefined) conditions.push(sql`${sql.ref(`${table}.album`)} = ${filters.album} collate nocase`);
  if (filters.genre !== undefined) conditions.push(sql`${sql.ref(`${table}.genre`)} = ${filters.genre} collate nocase`);
  return conditions;
}

function whereAll(conditions: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conditions.length === 0 ? sql`1` : sql.join(conditions, sql` and `);
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

/** Visible songs in a fixed order, optionally restricted to FTS matches. */
export async function listSongsOrdered(db: Db, request: OrderedPageRequest): Promise<Song[]> {
  const conditions = [sql`s.missing_since is null`, ...filterConditions(request.filters)];
  if (request.match !== undefined) {
    conditions.push(sql`s.id in (select rowid from songs_fts where songs_fts match ${request.match})`);
  }
  if (request.after) conditions.push(afterKeyCondition(request.sort, request.after));
  const { rows } = await sql<Song>`select s.* from songs s where ${whereAll(conditions)}
    order by ${orderByClause(request.sort)} limit ${request.limit} offset ${request.offset ?? 0}`.execute(db);
  return rows;
}

/**
 * Ranked search, best first: the first RANKED_CANDIDATES matches (by rowid) ordered by bm25, then
 * any further matches by rowid. `offset` counts from the start of that order; `afterRowid` continues
 * the rowid-ordered tail (a keyset past the ranked part).
 */
export async function searchSongsRanked(
  db: Db,
  request: { match: string; filters: SongFilters; limit: number; offset?: number; afterRowid?: number },
): Promise<{ songs: Song[]; rankedCount: number }> {
  const filters = whereAll(filterConditions(request.filters));
  if (request.afterRowid !== undefined) {
    return { songs: await rowidTail(db, request.match, filters, request.afterRowid, 0, request.limit), rankedCount: 0 };
  }
  const offset = request.offset ?? 0;
  const ranked: Song[] = [];
  let rankedCount = RANKED_CANDIDATES;
  if (offset < RANKED_CANDIDATES) {
    const { rows } = await sql<Song & { _score: number; _candidates: number }>`
      with candidates as (
        select s.*, ${BM25} as _score from songs_fts join songs s on s.id = songs_fts.rowid
        where songs_fts match ${request.match} and ${filters}
        order by songs_fts.rowid limit ${RANKED_CANDIDATES}
      )
      select *, (select count(*) from candidates) as _candidates from candidates
      order by _score, id limit ${request.limit} offset ${offset}`.execute(db);
    for (const { _score, _candidates, ...song } of rows) {
      ranked.push(song);
      rankedCount = _candidates;
    }
    if (rows.length === 0) rankedCount = await countCandidates(db, request.match, filters);
  }
  const wanted = request.limit - ranked.length;
  if (wanted <= 0 || rankedCount < RANKED_CANDIDATES) return { songs: ranked, rankedCount };
  const tailOffset = Math.max(offset, RANKED_CANDIDATES);
  return { songs: [...ranked, ...(await rowidTail(db, request.match, filters, 0, tailOffset, wanted))], rankedCount };
}

async function countCandidates(db: Db, match: string, filters: RawBuilder<unknown>): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*) as n from (
    select 1 from songs_fts join songs s on s.id = songs_fts.rowid
    where songs_fts match ${match} and ${filters} limit ${RANKED_CANDIDATES})`.execute(db);
  return rows[0]?.n ?? 0;
}

async function rowidTail(
  db: Db,
  match: string,
  filters: RawBuilder<unknown>,
  afterRowid: number,
  offset: number,
  limit: number,
): Promise<Song[]> {
  const { rows } = await sql<Song>`select s.* from songs_fts join songs s on s.id = songs_fts.rowid
    where songs_fts match ${match} and songs_fts.rowid > ${afterRowid} and ${filters}
    order by songs_fts.rowid limit ${limit} offset ${offset}`.execute(db);
  return rows;
}
