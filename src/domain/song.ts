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
  artist: string;
  album: string;
  album_artist: string | null;
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
