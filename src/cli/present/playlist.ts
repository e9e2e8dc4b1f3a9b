import type {
  PlaylistAddResult,
  PlaylistDetail,
  PlaylistEntry,
  PlaylistMoveResult,
  PlaylistRemoveResult,
  PlaylistSummary,
} from '../../domain/playlist.js';
import { presentSong } from './song.js';

/** A playlist without its songs: the same object as the HTTP API's. */
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

export function presentPlaylistEntry(entry: PlaylistEntry) {
  return {
    playlist_id: entry.playlist_id,
    position: entry.position,
    song_id: entry.song.id,
    added_at: entry.added_at,
    available: entry.available,
    song: presentSong(entry.song),
  };
}

/** `playlist show`: the same document as the HTTP API's `GET /api/playlists/:id`. */
export function presentPlaylistDetail({ playlist, entries }: PlaylistDetail) {
  return { ...presentPlaylist(playlist), entries: entries.map(presentPlaylistEntry) };
}

export function presentPlaylistAdd(result: PlaylistAddResult) {
  return {
    playlist: presentPlaylist(result.playlist),
    added: result.added.map((a) => ({ position: a.position, song_id: a.song_id })),
    already_present: result.already_present,
  };
}

export function presentPlaylistRemove(result: PlaylistRemoveResult) {
  return { playlist: presentPlaylist(result.playlist), removed: result.removed.map(presentPlaylistEntry) };
}

export function presentPlaylistMove(result: PlaylistMoveResult, from: number, to: number) {
  return { playlist: presentPlaylist(result.playlist), from, to, entry: presentPlaylistEntry(result.entry) };
}
