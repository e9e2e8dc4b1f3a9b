import type { Kysely } from 'kysely';
import { TunesError } from '../../errors.js';
import type { Database } from '../../db/schema.js';
import type { Song } from '../../domain/song.js';
import {
  countMatchingSongs,
  countVisibleSongs,
  findSongById,
  findSongsByIds,
  listSongsOrdered,
  searchCandidates,
  searchTail,
  type SongFilters,
} from '../../db/repositories/songs.js';
import { databaseChangeMarker } from '../../db/repositories/change-marker.js';
import { SONG_SORTS, sortKeyCount, type SongSort } from '../../db/repositories/song-order.js';
import { decodeCursor, encodeCursor, type CursorState } from './cursor.js';
import { rankCandidates } from './relevance.js';
import { checkSearchBounds } from './search-bounds.js';
import { toMatchExpression } from './search-query.js';
import { forgivingQuery } from './typo-tolerance.js';

export { SONG_SORTS, type SongSort };

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/**
 * A search ranks the first RANKED_CANDIDATES matches (in rowid order) and lists any further matches
 * after them in rowid order, so a ranked first page costs the same at 1M songs as at 1,000 and
 * paging stays stable. Ranking every match of a common word would cost ~200 ms at 1M rows; 500
 * candidates keep a ranked first page in a few ms (see `npm run bench`).
 */
export const RANKED_CANDIDATES = 500;

/**
 * The deepest row a page number may reach. SQLite stops an OFFSET at the last row, so a far page
 * costs no more than the last one; this only keeps the arithmetic in safe integers (a page of
 * 10^20 became a float that SQLite refused).
 */
export const MAX_OFFSET = 1_000_000_000;

export interface SongQuery {
  /** Free text: every word must prefix-match title, artist, album, album artist or genre (case and accents ignored). */
  query?: string | undefined;
  /** Whole-name filters, case and accents ignored: the track artist or the album artist. */
  artist?: string | undefined;
  /** The album title (albums of that title by any album artist). */
  album?: string | undefined;
  genre?: string | undefined;
  /** Only songs under this folder (absolute, as FolderService.resolve gives it). */
  folder?: string | undefined;
  /** Default: best match first when there is a query, else album artist / album / disc / track / file name (path order in a folder). */
  sort?: SongSort | undefined;
  /** 1..MAX_PAGE_SIZE, default DEFAULT_PAGE_SIZE. */
  limit?: number | undefined;
  /** 1-based page number (OFFSET paging). Use `cursor` instead for long scrolls. */
  page?: number | undefined;
  /** Rows to skip, for callers that page by offset (Subsonic's songOffset); instead of `page`. */
  offset?: number | undefined;
  /** `nextCursor` of the previous page (keyset paging); cannot be combined with `page`. */
  cursor?: string | undefined;
}

export interface SongPage {
  songs: Song[];
  /** Pass as `cursor` to get the next page; null when this is the last page. */
  nextCursor: string | null;
}

/**
 * The catalogue of songs: listing, searching and fetching. Read-only; songs marked missing (their
 * file has gone) never appear in lists or searches, but `getSong` still returns them (with
 * `missing_since` set) so playlists can show what they hold.
 */
export interface CatalogService {
  listSongs(query?: SongQuery): Promise<SongPage>;
  /** Throws TunesError('not_found') when there is no such song. */
  getSong(id: number): Promise<Song>;
  /** The songs that exist among `ids`, in the order given (unknown ids skipped). */
  getSongs(ids: readonly number[]): Promise<Song[]>;
  /** How many songs are visible (not missing). */
  countSongs(): Promise<number>;
  /** How many songs a listing holds in all its pages (the query's words and filters; paging ignored). */
  countMatching(query: SongQuery): Promise<number>;
  /** Changes whenever the catalogue may have changed (any write to the database): for caches of answers. */
  changeMarker(): Promise<string>;
}

export function createCatalogService({ db }: { db: Kysely<Database> }): CatalogService {
  async function listAsTyped(query: SongQuery): Promise<SongPage> {
    const request = validate(query);
    const searching = isSearch(query);
    if (searching) checkSearchBounds(query.query!);
    const match = searching ? toMatchExpression(query.query!) : undefined;
    if (searching && match === undefined) return { songs: [], nextCursor: null };
    if (match !== undefined && query.sort === undefined) return rankedPage(db, query.query ?? '', match, request);
    return orderedPage(db, match, request, query.sort ?? (query.folder !== undefined ? 'path' : 'artist'));
  }

  async function countAsTyped(query: SongQuery): Promise<number> {
    const { filters } = validate({ ...query, page: undefined, cursor: undefined });
    const match = isSearch(query) ? toMatchExpression(query.query ?? '') : undefined;
    if (isSearch(query) && match === undefined) return 0;
    return countMatchingSongs(db, { match, filters });
  }

  return {
    async listSongs(query = {}) {
      const page = await listAsTyped(query);
      if (page.songs.length > 0 || !isSearch(query)) return page;
      const corrected = await forgivingQuery(db, query.query!);
      return corrected === undefined ? page : listAsTyped({ ...query, query: corrected });
    },

    async getSong(id) {
      if (!Number.isSafeInteger(id) || id < 1) throw new TunesError('invalid_input', `invalid song id: ${id}`);
      const song = await findSongById(db, id);
      if (!song) throw new TunesError('not_found', `no song with id ${id}`);
      return song;
    },

    async getSongs(ids) {
      const byId = new Map((await findSongsByIds(db, ids)).map((song) => [song.id, song]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    },

    countSongs: () => countVisibleSongs(db),

    async countMatching(query) {
      const count = await countAsTyped(query);
      if (count > 0 || !isSearch(query)) return count;
      const corrected = await forgivingQuery(db, query.query!);
      return corrected === undefined ? count : countAsTyped({ ...query, query: corrected });
    },

    changeMarker: () => databaseChangeMarker(db),
  };
}

function isSearch(query: SongQuery): boolean {
  return query.query !== undefined && query.query.trim() !== '';
}

interface PageRequest {
  filters: SongFilters;
  limit: number;
  offset: number;
  cursor: CursorState | undefined;
}

function validate(query: SongQuery): PageRequest {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new TunesError('invalid_input', `limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  }
  const page = query.page ?? 1;
  const lastPage = Math.floor(MAX_OFFSET / limit) + 1;
  if (!Number.isInteger(page) || page < 1 || page > lastPage) {
    throw new TunesError('invalid_input', `page must be a whole number from 1 to ${lastPage}`);
  }
  if (query.sort !== undefined && !SONG_SORTS.includes(query.sort)) {
    throw new TunesError('invalid_input', `sort must be one of ${SONG_SORTS.join(', ')}`);
  }
  if (query.cursor !== undefined && page > 1) throw new TunesError('invalid_input', 'use either a page or a cursor, not both');
  const offset = query.offset;
  if (offset !== undefined) {
    if (!Number.isInteger(offset) || offset < 0 || offset > MAX_OFFSET) throw new TunesError('invalid_input', `offset must be a whole number from 0 to ${MAX_OFFSET}`);
    if (query.page !== undefined || query.cursor !== undefined) throw new TunesError('invalid_input', 'use one of a page, an offset or a cursor');
  }
  return {
    filters: { artist: query.artist, album: query.album, genre: query.genre, folder: query.folder },
    limit,
    offset: offset ?? (page - 1) * limit,
    cursor: query.cursor === undefined ? undefined : decodeCursor(query.cursor, { maxRankedOffset: RANKED_CANDIDATES }),
  };
}

async function orderedPage(db: Kysely<Database>, match: string | undefined, request: PageRequest, sort: SongSort): Promise<SongPage> {
  const { cursor } = request;
  if (cursor && (cursor.kind !== 'key' || cursor.sort !== sort || cursor.values.length !== sortKeyCount(sort))) {
    throw new TunesError('invalid_input', 'this cursor belongs to a different listing');
  }
  const { songs: rows, keys } = await listSongsOrdered(db, {
    match,
    filters: request.filters,
    sort,
    limit: request.limit + 1,
    offset: cursor ? 0 : request.offset,
    after: cursor?.kind === 'key' ? cursor.values : undefined,
  });
  const songs = rows.slice(0, request.limit);
  const lastKey = keys[songs.length - 1];
  const more = rows.length > request.limit && lastKey !== undefined;
  return { songs, nextCursor: more ? encodeCursor({ kind: 'key', sort, values: lastKey }) : null };
}

async function rankedPage(db: Kysely<Database>, text: string, match: string, request: PageRequest): Promise<SongPage> {
  const { cursor, filters, limit } = request;
  if (cursor && cursor.kind === 'key') throw new TunesError('invalid_input', 'this cursor belongs to a different listing');
  const offset = cursor?.kind === 'ranked' ? cursor.offset : cursor ? 0 : request.offset;
  const wanted = limit + 1; // one extra tells whether there is a next page

  let rows: Song[] = [];
  let rankedCount = 0;
  if (cursor?.kind === 'tail') {
    rows = await searchTail(db, { match, filters, afterRowid: cursor.rowid, offset: 0, limit: wanted });
  } else {
    if (offset < RANKED_CANDIDATES) {
      const candidates = await searchCandidates(db, match, filters, RANKED_CANDIDATES);
      rankedCount = candidates.length;
      const ids = rankCandidates(text, candidates).slice(offset, offset + wanted).map((c) => c.id);
      rows = await fetchInOrder(db, ids);
    } else {
      rankedCount = RANKED_CANDIDATES;
    }
    const missing = wanted - rows.length;
    if (missing > 0 && rankedCount === RANKED_CANDIDATES) {
      const tailOffset = Math.max(0, offset - RANKED_CANDIDATES);
      rows.push(...(await searchTail(db, { match, filters, afterRowid: 0, offset: RANKED_CANDIDATES + tailOffset, limit: missing })));
    }
  }
  const songs = rows.slice(0, limit);
  const last = songs.at(-1);
  if (rows.length <= limit || last === undefined) return { songs, nextCursor: null };
  const end = offset + songs.length;
  const next: CursorState =
    cursor?.kind !== 'tail' && end <= rankedCount ? { kind: 'ranked', offset: end } : { kind: 'tail', rowid: last.id };
  return { songs, nextCursor: encodeCursor(next) };
}

async function fetchInOrder(db: Kysely<Database>, ids: number[]): Promise<Song[]> {
  const byId = new Map((await findSongsByIds(db, ids)).map((song) => [song.id, song]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
