import type { Song } from '../../db/schema.js';

/** A name or id as typed by a person, or an id held by code. See resolvePlaylist. */
export type PlaylistRef = string | { id: number };

/** A playlist as listings show it. */
export interface PlaylistSummary {
  id: number;
  name: string;
  description: string | null;
  songCount: number;
  durationMs: number;
  createdAt: string;
  updatedAt: string;
}

export interface PlaylistEntry {
  position: number;
  addedAt: string;
  /** False when the song's file has gone missing from the library: it stays listed but cannot play. */
  available: boolean;
  song: Song;
}

export interface PlaylistDetail {
  playlist: PlaylistSummary;
  entries: PlaylistEntry[];
}

export interface LikedEntry {
  likedAt: string;
  available: boolean;
  song: Song;
}

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

export interface AddResult {
  playlist: PlaylistSummary;
  /** Where the new entries landed, in the order given. */
  added: Array<{ position: number; songId: number }>;
  /** Songs that were in the playlist before this add (they are added again). */
  alreadyPresent: number[];
}
