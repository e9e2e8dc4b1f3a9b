/**
 * What `tunes db copy` copies, parents before children so every foreign key finds its row. Each
 * table is read in pages ordered by `key` (its primary key), so any size fits in memory.
 * A migration that adds a table adds it here (or to NOT_COPIED, saying why): a copy refuses a
 * database holding a table it does not know, rather than leave one behind.
 */
export interface CopiedTable {
  name: string;
  key: readonly string[];
  /** Has an identity / autoincrement `id`: the target's counter is set past the copied ids. */
  counter?: true;
}

export const COPIED_TABLES: readonly CopiedTable[] = [
  { name: 'users', key: ['id'], counter: true },
  { name: 'sessions', key: ['id'], counter: true },
  { name: 'server_secrets', key: ['name'] },
  { name: 'app_keys', key: ['id'], counter: true },
  { name: 'library_roots', key: ['id'], counter: true },
  { name: 'artists', key: ['id'], counter: true },
  { name: 'covers', key: ['id'], counter: true },
  { name: 'albums', key: ['id'], counter: true },
  { name: 'songs', key: ['id'], counter: true },
  { name: 'albums_dirty', key: ['album_id'] },
  { name: 'song_lyrics', key: ['song_id'] },
  { name: 'folder_covers', key: ['folder'] },
  { name: 'playlists', key: ['id'], counter: true },
  { name: 'playlist_songs', key: ['id'], counter: true },
  { name: 'likes', key: ['id'], counter: true },
  { name: 'album_stars', key: ['user_id', 'album_id'] },
  { name: 'artist_stars', key: ['user_id', 'artist_id'] },
  { name: 'plays', key: ['id'], counter: true },
  { name: 'play_queues', key: ['user_id'] },
  { name: 'now_playing', key: ['user_id', 'client'] },
];

/** Tables a copy leaves alone: the target's own bookkeeping, or rebuilt there from what was copied. */
export const NOT_COPIED: ReadonlySet<string> = new Set([
  // The target runs its own migrations.
  'kysely_migration',
  'kysely_migration_lock',
  // SQLite's autoincrement counters: set from the copied ids (and the source's counters).
  'sqlite_sequence',
  // The search vocabulary: rebuilt from the target's own index after the copy.
  'search_terms',
  // The login limiters' counts live minutes: a moved library starts with none, as after a restart.
  'attempt_counts',
  // A scan running on the source's servers is not running on the target.
  'scan_status',
]);

/** SQLite's FTS5 index and its shadow tables: built on the target from the copied songs. */
export function isSearchIndexTable(name: string): boolean {
  return name === 'songs_fts' || name.startsWith('songs_fts_');
}

/** The tables of `present` that a copy would neither copy nor rebuild. */
export function unknownTables(present: readonly string[]): string[] {
  const copied = new Set(COPIED_TABLES.map((t) => t.name));
  return present.filter((name) => !copied.has(name) && !NOT_COPIED.has(name) && !isSearchIndexTable(name)).sort();
}
