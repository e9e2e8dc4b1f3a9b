import type { Song } from './song.js';

/** A playlist without its songs. */
export interface Playlist {
  id: number;
  owner_id: number;
  name: string;
  description: string | null;
  created_at: string;
  updated_at: string;
  /** A smart playlist's rules (its songs are whatever matches them, worked out when read); null: songs chosen by hand. */
  rules: string | null;
  /** How a smart playlist is ordered: a field, "-field" for descending, or "random"; null: by artist. */
  rules_sort: string | null;
  rules_limit: number | null;
  /** The built-in smart playlist this is ("recently-added", "most-played", "never-played", "forgotten-favourites"). */
  built_in: string | null;
}

/** A playlist with the figures listings show. */
export interface PlaylistSummary extends Playlist {
  song_count: number;
  duration_ms: number;
}

export interface PlaylistEntry {
  playlist_id: number;
  /** 1..n, dense. */
  position: number;
  added_at: string;
  /** False when the song's file has gone missing from the library: it stays listed but cannot play. */
  available: boolean;
  song: Song;
}

export interface PlaylistDetail {
  playlist: PlaylistSummary;
  entries: PlaylistEntry[];
}

export interface PlaylistAddResult {
  playlist: PlaylistSummary;
  /** Where the new entries landed, in the order given. */
  added: Array<{ position: number; song_id: number }>;
  /** Songs that were in the playlist before this add (they are added again). */
  already_present: number[];
}

export interface PlaylistRemoveResult {
  playlist: PlaylistSummary;
  removed: PlaylistEntry[];
}

export interface PlaylistMoveResult {
  playlist: PlaylistSummary;
  /** The moved entry, at its new position. */
  entry: PlaylistEntry;
}

/** A playlist (or the liked songs) written out as a file's text. */
export interface PlaylistExport {
  name: string;
  song_count: number;
  text: string;
}
