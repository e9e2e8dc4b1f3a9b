import type { Song } from '../db/schema.js';
import type { PlaylistEntry, PlaylistSummary } from '../services/playlists/playlist-types.js';

/**
 * JSON shapes of the API: snake_case like the seed's bodies. A song never shows its file path:
 * clients stream by id, and the server's folder layout is none of their business.
 */
export function songJson(song: Song) {
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

export function playlistJson(playlist: PlaylistSummary, ownerId: number) {
  return {
    id: playlist.id,
    user_id: ownerId,
    name: playlist.name,
    description: playlist.description,
    song_count: playlist.songCount,
    duration_ms: playlist.durationMs,
    created_at: playlist.createdAt,
    updated_at: playlist.updatedAt,
  };
}

export function entryJson(playlistId: number, entry: PlaylistEntry) {
  return {
    playlist_id: playlistId,
    position: entry.position,
    song_id: entry.song.id,
    added_at: entry.addedAt,
    available: entry.available,
    song: songJson(entry.song),
  };
}
