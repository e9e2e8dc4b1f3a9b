import type { Song } from '../../domain/song.js';
import type { SongRow } from '../schema.js';

/** What the album writer names the album artist of compilations (src/services/library/album-identity.ts). */
export const VARIOUS_ARTISTS = 'Various Artists';

/** The one place a songs row becomes a domain Song (listed field by field: a new column is a decision here). */
export function songRowToSong(row: SongRow): Song {
  return {
    id: row.id,
    path: row.path,
    title: row.title,
    artist: row.artist,
    artist_id: row.artist_id,
    album: row.album,
    album_id: row.album_id,
    album_artist: row.album_artist_name,
    compilation: row.album_artist_name?.toLowerCase() === VARIOUS_ARTISTS.toLowerCase(),
    genre: row.genre,
    year: row.year,
    track_no: row.track_no,
    disc_no: row.disc_no,
    duration_ms: row.duration_ms,
    codec: row.codec,
    bitrate: row.bitrate,
    sample_rate: row.sample_rate,
    replaygain_track_gain_db: row.replaygain_track_gain_db,
    replaygain_track_peak: row.replaygain_track_peak,
    replaygain_album_gain_db: row.replaygain_album_gain_db,
    replaygain_album_peak: row.replaygain_album_peak,
    size: row.size,
    mtime_ms: row.mtime_ms,
    added_at: row.added_at,
    missing_since: row.missing_since,
  };
}
