import type { Kysely } from 'kysely';
import { listAlbumsBy, listGenres, type AlbumListKind } from '../../db/repositories/album-lists.js';
import { searchAlbums, searchArtists } from '../../db/repositories/entity-search.js';
import { randomSongs, type RandomSongFilter } from '../../db/repositories/random-songs.js';
import type { Database } from '../../db/schema.js';
import type { Album, Artist } from '../../domain/album.js';
import { checkSearchBounds } from '../catalog/search-bounds.js';
import { toMatchExpression } from '../catalog/search-query.js';
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
    async searchAlbums(query, { limit, offset }) {
      checkPage(limit, offset);
      checkSearchBounds(query);
      const match = toMatchExpression(query);
      return match === undefined ? [] : searchAlbums(db, match, limit, offset);
    },
    async searchArtists(query, { limit, offset }) {
      checkPage(limit, offset);
      checkSearchBounds(query);
      const match = toMatchExpression(query);
      return match === undefined ? [] : searchArtists(db, match, limit, offset);
    },
  };
}

function checkPage(limit: number, offset: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_BROWSE_PAGE) {
    throw new TunesError('invalid_input', `a page holds 1 to ${MAX_BROWSE_PAGE} items`);
  }
  if (!Number.isInteger(offset) || offset < 0) throw new TunesError('invalid_input', 'the offset is a whole number, 0 or more');
}
