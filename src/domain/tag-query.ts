import type { Song } from './song.js';

/**
 * Tag lookups over the catalogue as music-daemon clients ask for them (the MPD bridge's find,
 * search, list, count and lsinfo): which tag, and the part of a filter the database can narrow by.
 * The caller checks its full filter on what comes back; a narrowing only keeps the rows few.
 */
export type TagField = 'title' | 'artist' | 'album' | 'album_artist' | 'genre' | 'year' | 'track_no' | 'disc_no';

/** `album_artist` falls back to the artist where a song has none (as MPD's AlbumArtist does). */
export const TAG_FIELDS: readonly TagField[] = ['title', 'artist', 'album', 'album_artist', 'genre', 'year', 'track_no', 'disc_no'];

/** The text tags the search index holds (words match as prefixes, ignoring case and accents). */
export type IndexedTagField = 'title' | 'artist' | 'album' | 'album_artist' | 'genre';

export interface SongNarrowing {
  /** The whole tag equal to the value, ignoring case (text) or equal (numbers). */
  equal?: Array<{ field: TagField; value: string | number }>;
  /** Every word of `words` starts a word of the field (any indexed field when none is named). */
  words?: Array<{ field?: IndexedTagField; words: string }>;
  /** Absolute path of the file. */
  path?: string;
  /** Absolute folder path (ending in a separator) the files are under. */
  pathPrefix?: string;
}

export interface LibraryTotals {
  songs: number;
  artists: number;
  albums: number;
  /** The length of every visible song together, ms. */
  duration_ms: number;
  /** When a song was last added to the catalogue (ISO 8601), null for an empty library. */
  last_added_at: string | null;
}

/** What is directly inside one folder of the library. */
export interface FolderContents {
  /** Absolute paths of the subfolders, without a trailing separator, in path order. */
  folders: string[];
  /** Their songs, in path order. */
  songs: Song[];
}
