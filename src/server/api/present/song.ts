import type { Song } from '../../../domain/song.js';

/** Signed stream links by song id, for the caller of a request (see src/server/stream-urls.ts). */
export type StreamLinks = ReadonlyMap<number, string>;

/**
 * The HTTP API's one song object (snake_case, like the seed's bodies). The CLI's --json shows the same
 * fields in the same order plus `path` (src/cli/present/song.ts); here the file path stays hidden:
 * clients stream by id, and the server's folder layout is none of their business. Instead the API
 * adds `stream_url`, last: a signed link any player opens without a header (null without a token).
 */
export function presentSong(song: Song, links?: StreamLinks) {
  return {
    id: song.id,
    title: song.title,
    artist: song.artist,
    artist_id: song.artist_id,
    album: song.album,
    album_id: song.album_id,
    album_artist: song.album_artist,
    compilation: song.compilation,
    genre: song.genre,
    year: song.year,
    track_no: song.track_no,
    disc_no: song.disc_no,
    duration_ms: song.duration_ms,
    codec: song.codec,
    bitrate: song.bitrate,
    sample_rate: song.sample_rate,
    replaygain_track_gain_db: song.replaygain_track_gain_db,
    replaygain_track_peak: song.replaygain_track_peak,
    replaygain_album_gain_db: song.replaygain_album_gain_db,
    replaygain_album_peak: song.replaygain_album_peak,
    size: song.size,
    added_at: song.added_at,
    available: song.missing_since === null,
    stream_url: links?.get(song.id) ?? null,
  };
}
