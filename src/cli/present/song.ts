import type { Song } from '../../domain/song.js';

/**
 * The CLI's one song object, in every `--json` output that holds a song. The same fields, names and
 * order as the HTTP API's (src/server/api/present/song.ts), plus `path` at the end: the CLI runs on
 * the machine that holds the files, and scripts want them. Add a field here, never per command.
 */
export function presentSong(song: Song) {
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
    path: song.path,
  };
}

export type SongJson = ReturnType<typeof presentSong>;
