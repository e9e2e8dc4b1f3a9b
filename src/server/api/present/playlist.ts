import type { PlaylistDetail, PlaylistEntry, PlaylistSummary } from '../../../domain/playlist.js';
import { presentSong, type StreamLinks } from './song.js';

export function presentPlaylist(playlist: PlaylistSummary) {
  return {
    id: playlist.id,
    user_id: playlist.owner_id,
    name: playlist.name,
    description: playlist.description,
    song_count: playlist.song_count,
    duration_ms: playlist.duration_ms,
    created_at: playlist.created_at,
    updated_at: playlist.updated_at,
    rules: playlist.rules,
    rules_sort: playlist.rules_sort,
    rules_limit: playlist.rules_limit,
    built_in: playlist.built_in,
  };
}

export function presentPlaylistEntry(entry: PlaylistEntry, links?: StreamLinks) {
  return {
    playlist_id: entry.playlist_id,
    position: entry.position,
    song_id: entry.song.id,
    added_at: entry.added_at,
    available: entry.available,
    song: presentSong(entry.song, links),
  };
}

/** `GET /api/playlists/:id`: the playlist's fields with its entries. */
export function presentPlaylistDetail({ playlist, entries }: PlaylistDetail, links?: StreamLinks) {
  return { ...presentPlaylist(playlist), entries: entries.map((entry) => presentPlaylistEntry(entry, links)) };
}
