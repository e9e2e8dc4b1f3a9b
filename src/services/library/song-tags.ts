import type { Song } from '../../domain/song.js';

/** What the scanner learns from one audio file, with the catalogue's fallbacks already applied. */
export type SongTags = Omit<Song, 'id' | 'path' | 'size' | 'mtime_ms' | 'added_at' | 'missing_since'>;

export const UNKNOWN_ARTIST = 'Unknown Artist';
export const UNKNOWN_ALBUM = 'Unknown Album';

/** Either the tags of a file or why it could not be read. */
export type TagResult =
  /** `warning`: the file is readable but not whole (cut short: `tags.duration_ms` is what it really plays). */
  | { ok: true; tags: SongTags; warning?: string }
  | { ok: false; reason: string };
