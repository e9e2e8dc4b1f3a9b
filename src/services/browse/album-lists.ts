import type { Kysely } from 'kysely';
import { listAlbumsBy, listGenres, type AlbumListKind } from '../../db/repositories/album-lists.js';
import { randomSongs, type RandomSongFilter } from '../../db/repositories/random-songs.js';
import type { Database } from '../../db/schema.js';
import type { Album } from '../../domain/album.js';
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
  };
}

function checkPage(limit: number, offset: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_BROWSE_PAGE) {
    throw new TunesError('invalid_input', `a page holds 1 to ${MAX_BROWSE_PAGE} items`);
  }
  if (!Number.isInteger(offset) || offset < 0) throw new TunesError('invalid_input', 'the offset is a whole number, 0 or more');
}
