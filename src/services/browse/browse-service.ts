import type { Kysely } from 'kysely';
import { TunesError } from '../../errors.js';
import type { Database } from '../../db/schema.js';
import type { Album, AlbumDetail, AlbumSort, Artist, ArtistDetail } from '../../domain/album.js';
import * as albums from '../../db/repositories/albums.js';
import { artistKey } from '../library/album-identity.js';

export interface BrowsePage {
  limit: number;
  offset: number;
}

export interface AlbumQuery extends BrowsePage {
  /** Albums by this album artist, or with tracks by this artist (the whole name, case and accents ignored). */
  artist?: string | undefined;
  /** name (default), year (oldest first), added (newest first). */
  sort?: AlbumSort | undefined;
}

export const MAX_BROWSE_PAGE = 1000;
export const ALBUM_SORTS: readonly AlbumSort[] = ['name', 'year', 'added'];

/**
 * The library as albums and artists (entities with stable ids: see src/domain/album.ts). Lists leave
 * out albums and artists with no song left in the library; fetching one by id still works.
 */
export interface BrowseService {
  /** Album artists, by name. */
  artists(page: BrowsePage): Promise<Artist[]>;
  countArtists(): Promise<number>;
  /** An artist with their albums and, apart, the albums by others they appear on (with those tracks). */
  artist(id: number): Promise<ArtistDetail>;
  albums(query: AlbumQuery): Promise<Album[]>;
  countAlbums(query?: { artist?: string | undefined }): Promise<number>;
  /** An album with its songs in order: disc, track, then file name. */
  album(id: number): Promise<AlbumDetail>;
}

export function createBrowseService({ db }: { db: Kysely<Database> }): BrowseService {
  return {
    async artists(page) {
      const { limit, offset } = validPage(page);
      return albums.listArtists(db, limit, offset);
    },
    countArtists: () => albums.countArtists(db),
    async artist(id) {
      const artist = await albums.findArtist(db, validId(id, 'artist'));
      if (!artist) throw new TunesError('not_found', `no artist with id ${id}`);
      const appeared = await albums.albumsAppearedOn(db, id);
      const appears_on = [];
      for (const album of appeared) appears_on.push({ album, songs: await albums.albumSongs(db, album.id, id) });
      return { artist, albums: await albums.albumsByArtist(db, id), appears_on };
    },
    async albums({ artist, sort = 'name', ...page }) {
      const { limit, offset } = validPage(page);
      if (!ALBUM_SORTS.includes(sort)) throw new TunesError('invalid_input', `sort must be one of ${ALBUM_SORTS.join(', ')}`);
      return albums.listAlbums(db, filterOf(artist), sort, limit, offset);
    },
    countAlbums: (query = {}) => albums.countAlbums(db, filterOf(query.artist)),
    async album(id) {
      const album = await albums.findAlbum(db, validId(id, 'album'));
      if (!album) throw new TunesError('not_found', `no album with id ${id}`);
      return { album, songs: await albums.albumSongs(db, id) };
    },
  };
}

function filterOf(artist: string | undefined): albums.AlbumFilter {
  return { artistKey: artist === undefined ? undefined : artistKey(artist) };
}

function validId(id: number, what: string): number {
  if (!Number.isSafeInteger(id) || id < 1) throw new TunesError('invalid_input', `invalid ${what} id: ${id}`);
  return id;
}

function validPage({ limit, offset }: BrowsePage): BrowsePage {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_BROWSE_PAGE) {
    throw new TunesError('invalid_input', `limit must be a whole number from 1 to ${MAX_BROWSE_PAGE}`);
  }
  if (!Number.isInteger(offset) || offset < 0) throw new TunesError('invalid_input', 'offset must be a whole number from 0');
  return { limit, offset };
}
