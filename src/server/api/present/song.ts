import type { Song } from '../../../domain/song.js';

/**
 * The HTTP API's one song object (snake_case, like the seed's bodies). The CLI's --json shows the same
 * fields in the same order plus `path` (src/cli/present/song.ts); here the file path stays hidden:
 * clients stream by id, and the server's folder layout is none of their business.
 */
export function presentSong(song: Song) {
  return {
    id: song.id,
    title: song.title,
    artist: song.artist,
    album: song.album,
    album_artist: song.album_artist,
    genre: song.genre,
    year: song.year,
    track_no: song.track_no,
    disc_no: song.disc_no,
    duration_ms: song.duration_ms,
    codec: song.codec,
    bitrate: song.bitrate,
    sample_rate: song.sample_rate,
    size: song.size,
    added_at: song.added_at,
    available: song.missing_since === null,
  };
}
