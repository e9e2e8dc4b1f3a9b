import type { Song } from './song.js';

/** An artist: an album artist, a track artist, or both. Ids stay the same across rescans. */
export interface Artist {
  id: number;
  name: string;
  /** Visible albums with this album artist. */
  album_count: number;
  /** Visible songs on those albums. */
  song_count: number;
}

/** An album: a title plus its album artist. Ids stay the same across rescans and renames. */
export interface Album {
  id: number;
  title: string;
  /** The album artist. */
  artist: string;
  artist_id: number;
  /** Its album artist is Various Artists (a compilation, a soundtrack of many artists). */
  compilation: boolean;
  /** The latest year among its songs. */
  year: number | null;
  song_count: number;
  duration_ms: number;
  /** When its first song still in the library was added. */
  added_at: string | null;
  has_cover: boolean;
}

/** An album with its songs in order: disc, track, then file name. */
export interface AlbumDetail {
  album: Album;
  songs: Song[];
}

/** An album by someone else that an artist has tracks on, with those tracks. */
export interface AppearsOn {
  album: Album;
  songs: Song[];
}

export interface ArtistDetail {
  artist: Artist;
  /** Albums with this album artist, oldest first. */
  albums: Album[];
  /** Albums by other album artists with tracks by this artist. */
  appears_on: AppearsOn[];
}

export type AlbumSort = 'name' | 'year' | 'added';

/** One distinct cover image (albums and songs that show the same picture share it). */
export interface Cover {
  id: number;
  /** SHA-256 of its bytes, hex. */
  hash: string;
  mime: string;
  byte_size: number;
}
