import type { Song } from '../../domain/song.js';
import type { ScannedLyrics } from './embedded-lyrics.js';

/**
 * What the scanner learns from one audio file's tags (the catalogue's fallbacks come later, in the
 * scan). Here `album_artist` is the file's album-artist tag, not yet the album's.
 */
export type SongTags = Pick<
  Song,
  | 'title' | 'album_artist' | 'genre' | 'year' | 'track_no' | 'disc_no' | 'duration_ms' | 'codec' | 'bitrate' | 'sample_rate'
  | 'replaygain_track_gain_db' | 'replaygain_track_peak' | 'replaygain_album_gain_db' | 'replaygain_album_peak'
> & {
  /** Null when the file has no artist tag (nor an album-artist tag). */
  artist: string | null;
  /** Null when the file has no album tag. */
  album: string | null;
  /** The compilation flag (TCMP, cpil, COMPILATION=1). */
  compilation_tag: boolean;
};

/** A picture embedded in the file: its front cover if it says which, else its first. */
export interface EmbeddedPicture {
  hash: string;
  mime: string;
  byte_size: number;
}

export const UNKNOWN_ARTIST = 'Unknown Artist';
export const UNKNOWN_ALBUM = 'Unknown Album';

/**
 * Either the tags of a file or why it could not be read. `picture` is set when pictures were asked for
 * and the file has one.
 */
export type TagResult =
  /** `warning`: the file is readable but not whole (cut short: `tags.duration_ms` is what it really plays). */
  | { ok: true; tags: SongTags; picture?: EmbeddedPicture; lyrics?: ScannedLyrics; warning?: string }
  | { ok: false; reason: string };
