import type { Song } from '../../domain/song.js';

/** A name or id as typed by a person, or an id held by code. See resolvePlaylist. */
export type PlaylistRef = string | { id: number };

/**
 * Where a list of songs comes from: one of the user's playlists (by name or id, as typed) or their
 * liked songs, which behave as a built-in playlist (newest like first).
 */
export type SongSource = { kind: 'playlist'; ref: PlaylistRef } | { kind: 'liked' };

export interface SourceSongs {
  /** The playlist's name, or "Liked songs". */
  name: string;
  playlistId: number | null;
  songs: Song[];
}
