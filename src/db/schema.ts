import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Types describe what SQLite returns: integers as numbers, times as ISO-8601 UTC strings
 * (`Date#toISOString`, so they sort as text) unless a column name ends in `_ms`.
 */
export interface UsersTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: 'admin' | 'user';
  created_at: string;
  /** The last time one of the user's sessions was used (kept by triggers on sessions); null if never. */
  last_seen_at: string | null;
}

export interface SessionsTable {
  id: Generated<number>;
  user_id: number;
  token_hash: string;
  created_at: string;
  last_used_at: string;
  expires_at: string;
}

export interface LibraryRootsTable {
  id: Generated<number>;
  path: string;
  added_at: string;
}

export interface SongsTable {
  id: Generated<number>;
  path: string;
  title: string;
  artist: string;
  album: string;
  album_artist: string | null;
  genre: string | null;
  year: number | null;
  track_no: number | null;
  disc_no: number | null;
  duration_ms: number | null;
  codec: string | null;
  bitrate: number | null;
  sample_rate: number | null;
  size: number;
  mtime_ms: number;
  added_at: string;
  missing_since: string | null;
  /** ReplayGain from the file's tags: gains in dB, peaks as a ratio of full scale (1.0). */
  replaygain_track_gain_db: number | null;
  replaygain_track_peak: number | null;
  replaygain_album_gain_db: number | null;
  replaygain_album_peak: number | null;
  /** Device and inode of the file the path led to at the last scan (null before its first scan with them). */
  dev: number | null;
  ino: number | null;
}

export interface PlaylistsTable {
  id: Generated<number>;
  owner_id: number;
  name: string;
  /** The name folded for comparison (NFC, lower case): unique per owner. */
  name_key: string;
  description: string | null;
  created_at: string;
  updated_at: string;
}

export interface PlaylistSongsTable {
  id: Generated<number>;
  playlist_id: number;
  position: number;
  song_id: number;
  added_at: string;
}

export interface LikesTable {
  id: Generated<number>;
  user_id: number;
  song_id: number;
  liked_at: string;
}

export interface PlaysTable {
  id: Generated<number>;
  user_id: number;
  song_id: number;
  started_at: string;
  ms_played: number;
}

/** Keys the server keeps across restarts and shares between processes (e.g. 'stream-links'). */
export interface ServerSecretsTable {
  name: string;
  secret: Buffer;
  created_at: string;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  library_roots: LibraryRootsTable;
  songs: SongsTable;
  playlists: PlaylistsTable;
  playlist_songs: PlaylistSongsTable;
  likes: LikesTable;
  plays: PlaysTable;
  server_secrets: ServerSecretsTable;
}

// Row types: what a table holds, used only inside src/db. Repositories map them to the domain types
// of src/domain (userRowToUser, songRowToSong, ...) in one place each.
export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type SessionRow = Selectable<SessionsTable>;
export type SongRow = Selectable<SongsTable>;
export type NewSongRow = Insertable<SongsTable>;
export type SongRowUpdate = Updateable<SongsTable>;
export type LibraryRootRow = Selectable<LibraryRootsTable>;
export type PlaylistRow = Selectable<PlaylistsTable>;
export type PlaylistSongRow = Selectable<PlaylistSongsTable>;
export type LikeRow = Selectable<LikesTable>;
export type PlayRow = Selectable<PlaysTable>;
