/**
 * A song of the catalogue, as services take and return it and edges render it. Field names are the
 * JSON contract's (snake_case), so a presenter picks and orders fields but never renames them.
 * Times are ISO 8601 strings in UTC (`Date#toISOString`), unless the name ends in `_ms`.
 */
export interface Song {
  id: number;
  /** Absolute path of the file on the machine that holds the library. */
  path: string;
  title: string;
  /** The track artist. */
  artist: string;
  /** The track artist's id (artists are entities: src/domain/album.ts). */
  artist_id: number | null;
  album: string;
  album_id: number | null;
  /**
   * The album's artist as the album has it: its album-artist tag, "Various Artists" for a compilation,
   * else the track artist. Null only for a song no scan has grouped yet.
   */
  album_artist: string | null;
  /** The song's album is a compilation (its album artist is Various Artists). */
  compilation: boolean;
  genre: string | null;
  year: number | null;
  track_no: number | null;
  disc_no: number | null;
  duration_ms: number | null;
  codec: string | null;
  /** Bits per second. */
  bitrate: number | null;
  sample_rate: number | null;
  /** ReplayGain from the file's tags, as the scan stored it: gains in dB, peaks as a ratio of full scale. */
  replaygain_track_gain_db: number | null;
  replaygain_track_peak: number | null;
  replaygain_album_gain_db: number | null;
  replaygain_album_peak: number | null;
  /** Bytes. */
  size: number;
  /** The file's modification time, epoch ms. */
  mtime_ms: number;
  added_at: string;
  /** Set while the file is gone: the song stays in playlists and likes but cannot play. */
  missing_since: string | null;
}
