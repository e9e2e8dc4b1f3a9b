import type { Kysely } from 'kysely';
import { listAlbumsBy, listGenres, type AlbumListKind } from '../../db/repositories/album-lists.js';
import { artistCandidates, firstArtistScan, joinedAlbumCandidates, searchAlbums, widerArtistScan } from '../../db/repositories/entity-search.js';
import { JOINING_MARKS } from '../catalog/relevance.js';
import { fold } from '../../text/fold.js';
import { randomSongs, type RandomSongFilter } from '../../db/repositories/random-songs.js';
import type { Database } from '../../db/schema.js';
import type { Album, Artist } from '../../domain/album.js';
import { checkSearchBounds } from '../catalog/search-bounds.js';
import { toMatchExpression } from '../catalog/search-query.js';
import { forgivingQuery } from '../catalog/typo-tolerance.js';
import type { GenreCount } from '../../domain/play-queue.js';
import type { Song } from '../../domain/song.js';
import { TunesError } from '../../errors.js';
import { MAX_BROWSE_PAGE, type BrowsePage } from './browse-service.js';

export type { AlbumListKind, RandomSongFilter };

/** Lists of albums and songs that media clients page through (random, recently played, by genre...). */
export interface AlbumListService {
  albums(list: AlbumListKind, page: BrowsePage): Promise<Album[]>;
  genres(): Promise<GenreCount[]>;
  randomSongs(size: number, filter?: RandomSongFilter): Promise<Song[]>;
  /** Albums whose title or album artist match every word (as the catalogue's search matches songs). */
  searchAlbums(query: string, page: BrowsePage): Promise<Album[]>;
  /** Track or album artists whose name matches every word. */
  searchArtists(query: string, page: BrowsePage): Promise<Artist[]>;
}

export function createAlbumListService({ db }: { db: Kysely<Database> }): AlbumListService {
  return {
    albums(list, { limit, offset }) {
      checkPage(limit, offset);
      return listAlbumsBy(db, list, limit, offset);
    },
    genres: () => listGenres(db),
    randomSongs(size, filter = {}) {
      checkPage(size, 0);
      return randomSongs(db, size, filter);
    },
    searchAlbums: (query, page) => forgiving(db, query, page, albumsMatching, albumsMatchingJoined),
    searchArtists: (query, page) => forgiving(db, query, page, artistsMatching, (db, query, page) => artistsMatching(db, query, page, true)),
  };
}

type Find<T> = (db: Kysely<Database>, query: string, page: BrowsePage) => Promise<T[]>;

/**
 * A search as typed; when it finds nothing, with words joined across marks (`acdc` finds AC/DC, as
 * song search does); then once more with each word that matches nothing in the index replaced by
 * its closest indexed word (the catalogue's typo stage: `radiohaed` finds Radiohead). The joined
 * look is a stage of its own: over every song's joined words, a common word would read many songs
 * whose title, not name, holds it.
 */
async function forgiving<T>(db: Kysely<Database>, query: string, page: BrowsePage, find: Find<T>, findJoined: Find<T>): Promise<T[]> {
  checkPage(page.limit, page.offset);
  checkSearchBounds(query);
  const found = await find(db, query, page);
  if (found.length > 0) return found;
  const joined = await findJoined(db, query, page);
  if (joined.length > 0) return joined;
  const corrected = await forgivingQuery(db, query);
  return corrected === undefined ? found : find(db, corrected, page);
}

async function albumsMatching(db: Kysely<Database>, query: string, { limit, offset }: BrowsePage): Promise<Album[]> {
  const match = toMatchExpression(query);
  return match === undefined ? [] : searchAlbums(db, match, limit, offset);
}

async function artistsMatching(db: Kysely<Database>, query: string, { limit, offset }: BrowsePage, joined = false): Promise<Artist[]> {
  const match = toMatchExpression(query);
  if (match === undefined) return [];
  const words = wordsOf(query);
  // Only artists whose own name matches count, so a page may need more matches read than the first look.
  for (let scanned = firstArtistScan(limit, offset); ; scanned = widerArtistScan(scanned)) {
    const { artists, complete } = await artistCandidates(db, match, scanned, joined);
    const kept = artists.filter((artist) => namedBy(words, artist.name, joined));
    if (kept.length >= offset + limit || complete) return kept.slice(offset, offset + limit);
  }
}

async function albumsMatchingJoined(db: Kysely<Database>, query: string, { limit, offset }: BrowsePage): Promise<Album[]> {
  const match = toMatchExpression(query);
  if (match === undefined) return [];
  const words = wordsOf(query);
  for (let scanned = firstArtistScan(limit, offset); ; scanned = widerArtistScan(scanned)) {
    const { albums, complete } = await joinedAlbumCandidates(db, match, scanned);
    const kept = albums.filter((album) => namedBy(words, `${album.title} ${album.artist}`, true));
    if (kept.length >= offset + limit || complete) return kept.slice(offset, offset + limit);
  }
}

/** Every word starts one of the name's words (with `joined`, also of its words joined across marks: AC/DC as acdc). */
function namedBy(words: string[], name: string, joined: boolean): boolean {
  const tokens = wordsOf(name);
  if (joined) tokens.push(...wordsOf(name.replace(JOINING_MARKS, '')));
  return words.every((word) => tokens.some((token) => token.startsWith(word)));
}

function checkPage(limit: number, offset: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_BROWSE_PAGE) {
    throw new TunesError('invalid_input', `a page holds 1 to ${MAX_BROWSE_PAGE} items`);
  }
  if (!Number.isInteger(offset) || offset < 0) throw new TunesError('invalid_input', 'the offset is a whole number, 0 or more');
}

/** Words as the full-text index sees them: case and accents folded, split at anything not a letter or digit. */
function wordsOf(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}
