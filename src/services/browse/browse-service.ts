import type { Kysely } from 'kysely';
import { TunesError } from '../../errors.js';
import type { Database } from '../../db/schema.js';
import * as browse from '../../db/repositories/browse.js';

export interface ArtistSummary {
  name: string;
  albumCount: number;
  songCount: number;
}

export interface AlbumSummary {
  artist: string;
  album: string;
  year: number | null;
  songCount: number;
}

export interface BrowsePage {
  limit: number;
  offset: number;
}

export const MAX_BROWSE_PAGE = 1000;

/**
 * The catalogue grouped for browsing: artists, and albums (of one artist or all), in name order,
 * page by page. Songs marked missing are left out, as in every listing. The songs of an album come
 * from the catalog service (`listSongs({ artist, album })`).
 */
export interface BrowseService {
  artists(page: BrowsePage): Promise<ArtistSummary[]>;
  countArtists(): Promise<number>;
  albums(options: BrowsePage & { artist?: string | undefined }): Promise<AlbumSummary[]>;
  countAlbums(artist?: string): Promise<number>;
}

export function createBrowseService({ db }: { db: Kysely<Database> }): BrowseService {
  return {
    async artists(page) {
      const { limit, offset } = validPage(page);
      return (await browse.listArtists(db, limit, offset)).map((row) => ({
        name: row.artist,
        albumCount: row.album_count,
        songCount: row.song_count,
      }));
    },
    countArtists: () => browse.countArtists(db),
    async albums({ artist, ...page }) {
      const { limit, offset } = validPage(page);
      return (await browse.listAlbums(db, artist, limit, offset)).map((row) => ({
        artist: row.artist,
        album: row.album,
        year: row.year,
        songCount: row.song_count,
      }));
    },
    countAlbums: (artist) => browse.countAlbums(db, artist),
  };
}

function validPage({ limit, offset }: BrowsePage): BrowsePage {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_BROWSE_PAGE) {
    throw new TunesError('invalid_input', `limit must be a whole number from 1 to ${MAX_BROWSE_PAGE}`);
  }
  if (!Number.isInteger(offset) || offset < 0) throw new TunesError('invalid_input', 'offset must be a whole number from 0');
  return { limit, offset };
}
