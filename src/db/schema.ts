import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

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
  // Grouping (migration 0007). `album_artist` above is the file's album-artist tag; these are what the
  // album has, written only by the album writer (src/db/repositories/album-writes.ts).
  album_id: number | null;
  /** The track artist's id. */
  artist_id: number | null;
  /** The album's artist as the album has it (its "Various Artists", its fallback to the track artist). */
  album_artist_name: string | null;
  /** The album's place in the catalogue's order (album artist, title, album id). */
  album_order: string | null;
  /** The folder the album lives in (the song's folder, or the one above a disc folder). */
  album_folder: string | null;
  /** Natural order of the file inside its album folder, after disc and track. */
  file_order: string | null;
  /** The compilation flag (TCMP, cpil, COMPILATION). */
  compilation_tag: Generated<number>;
  /** The song's own embedded picture as last read (null: none, or not looked at). */
  cover_id: number | null;
  /** Which scanner read the tags; older ones are read again. */
  scan_version: Generated<number>;
  /** Size, time and path of the song's `.lrc` at its last read (null: none), to notice a change. */
  lyrics_sidecar: string | null;
}

/** A song's lyrics as the scan read them (issue 17). */
export interface SongLyricsTable {
  song_id: number;
  /** 'sidecar' | 'sylt' | 'embedded'. */
  source: string;
  language: string | null;
  /** LRC or plain text. */
  text: string;
}

export interface ArtistsTable {
  id: Generated<number>;
  name: string;
  /** The name folded (case, accents): one artist per key. */
  name_key: string;
  /** Visible albums with this album artist, and their songs (kept by the album writer). */
  album_count: Generated<number>;
  song_count: Generated<number>;
  created_at: string;
}

export interface AlbumsTable {
  id: Generated<number>;
  title: string;
  title_key: string;
  /** The album artist. */
  artist_id: number;
  /** 1 when the album artist is Various Artists. */
  compilation: Generated<number>;
  cover_id: number | null;
  // From the album's visible songs, refreshed after every change to them.
  song_count: Generated<number>;
  duration_ms: Generated<number>;
  year: number | null;
  added_at: string | null;
  created_at: string;
}

export interface CoversTable {
  id: Generated<number>;
  /** SHA-256 of the image's bytes, hex. */
  hash: string;
  mime: string;
  byte_size: number;
  created_at: string;
}

export interface FolderCoversTable {
  folder: string;
  file_name: string;
  size: number;
  mtime_ms: number;
  cover_id: number;
}

export interface AlbumsDirtyTable {
  album_id: number;
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
  /** A smart playlist's rules (migration 0014); null for a playlist of chosen songs. */
  rules: ColumnType<string | null, string | null | undefined, string | null>;
  rules_sort: ColumnType<string | null, string | null | undefined, string | null>;
  rules_limit: ColumnType<number | null, number | null | undefined, number | null>;
  built_in: ColumnType<string | null, string | null | undefined, string | null>;
}

/** The search index's words and how many songs hold each (migration 0014): typo candidates. */
export interface SearchTermsTable {
  term: string;
  head: string;
  length: number;
  docs: number;
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

/** One limiter key's attempts (migration 0015): times in ms since the epoch. */
export interface AttemptCountsTable {
  key: string;
  count: number;
  last_at: number;
  forget_at: number;
}

/** A background library scan as every server sharing the database sees it (migration 0015). */
export interface ScanStatusTable {
  name: string;
  started_at: string;
  heartbeat_at: string;
  finished_at: string | null;
  done: number;
  failure: string | null;
}

/** An app key (Subsonic clients' password): its hash for lookups, the key itself sealed (AES-GCM). */
export interface AppKeysTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  name_key: string;
  /** SHA-256 of the key, hex. */
  key_hash: string;
  /** iv (12) + tag (16) + ciphertext, under the server key file. */
  key_sealed: Buffer;
  created_at: string;
  last_used_at: string | null;
}

export interface AlbumStarsTable {
  user_id: number;
  album_id: number;
  starred_at: string;
}

export interface ArtistStarsTable {
  user_id: number;
  artist_id: number;
  starred_at: string;
}

/** A user's saved play queue (Subsonic savePlayQueue), one per user. */
export interface PlayQueuesTable {
  user_id: number;
  /** JSON array of song ids. */
  song_ids: string;
  current_song_id: number | null;
  position_ms: Generated<number>;
  changed_at: string;
  changed_by: string;
}

/** What a user's client said it is playing (scrobble submission=false), until it expires. */
export interface NowPlayingTable {
  user_id: number;
  client: string;
  song_id: number;
  started_at: string;
  expires_at: string;
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
  artists: ArtistsTable;
  albums: AlbumsTable;
  covers: CoversTable;
  folder_covers: FolderCoversTable;
  albums_dirty: AlbumsDirtyTable;
  app_keys: AppKeysTable;
  album_stars: AlbumStarsTable;
  artist_stars: ArtistStarsTable;
  play_queues: PlayQueuesTable;
  now_playing: NowPlayingTable;
  search_terms: SearchTermsTable;
  song_lyrics: SongLyricsTable;
  attempt_counts: AttemptCountsTable;
  scan_status: ScanStatusTable;
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
export type ArtistRow = Selectable<ArtistsTable>;
export type AlbumRow = Selectable<AlbumsTable>;
export type CoverRow = Selectable<CoversTable>;
