import type BetterSqlite3 from 'better-sqlite3';
import type { Song } from '../schema.js';

/** What the scanner knows about a stored song without reading its tags. */
export interface StoredFile {
  id: number;
  path: string;
  size: number;
  mtime_ms: number;
  missing_since: string | null;
}

/** A song as the scanner writes it: every column but the ones the database owns. */
export type ScannedSong = Omit<Song, 'id' | 'added_at' | 'missing_since'>;

/**
 * The scanner's hot path, on the raw better-sqlite3 handle with prepared statements: Kysely's
 * per-query compile and async hop cost more than the insert itself at thousands of rows a second.
 */
export interface SongWriter {
  /** Stored songs whose path is under one of `prefixes` (each ending in a path separator); all songs when null. */
  storedFiles(prefixes: readonly string[] | null): StoredFile[];
  /** Inserts or updates by path, in one transaction; a re-found song loses its missing mark. */
  upsertBatch(songs: readonly ScannedSong[], now: string): void;
  /** Clears the missing mark of unchanged files that came back. */
  restoreBatch(ids: readonly number[]): void;
  markMissingBatch(ids: readonly number[], now: string): void;
  countVisibleUnder(prefix: string): number;
  /** Missing songs under the prefixes (or all), deleted; returns how many. */
  deleteMissing(prefixes: readonly string[] | null): number;
}

const COLUMNS = [
  'title', 'artist', 'album', 'album_artist', 'genre', 'year', 'track_no', 'disc_no',
  'duration_ms', 'codec', 'bitrate', 'sample_rate', 'size', 'mtime_ms',
] as const;

export function createSongWriter(sqlite: BetterSqlite3.Database): SongWriter {
  const upsert = sqlite.prepare(
    `insert into songs (path, ${COLUMNS.join(', ')}, added_at, missing_since)
     values (@path, ${COLUMNS.map((c) => `@${c}`).join(', ')}, @now, null)
     on conflict (path) do update set ${COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}, missing_since = null`,
  );
  const restore = sqlite.prepare('update songs set missing_since = null where id = ?');
  const markMissing = sqlite.prepare('update songs set missing_since = ? where id = ? and missing_since is null');
  const all = sqlite.prepare('select id, path, size, mtime_ms, missing_since from songs');
  const under = sqlite.prepare(
    'select id, path, size, mtime_ms, missing_since from songs where path >= ? and path < ?',
  );

  const countUnder = sqlite
    .prepare('select count(*) from songs where path >= ? and path < ? and missing_since is null')
    .pluck();

  const upsertMany = sqlite.transaction((songs: readonly ScannedSong[], now: string) => {
    for (const song of songs) upsert.run({ ...song, now });
  });
  const restoreMany = sqlite.transaction((ids: readonly number[]) => {
    for (const id of ids) restore.run(id);
  });
  const markMany = sqlite.transaction((ids: readonly number[], now: string) => {
    for (const id of ids) markMissing.run(now, id);
  });

  return {
    storedFiles(prefixes) {
      if (prefixes === null) return all.all() as StoredFile[];
      const byId = new Map<number, StoredFile>();
      for (const prefix of prefixes) {
        for (const row of under.all(prefix, prefixUpperBound(prefix)) as StoredFile[]) byId.set(row.id, row);
      }
      return [...byId.values()];
    },
    upsertBatch: (songs, now) => upsertMany(songs, now),
    restoreBatch: (ids) => restoreMany(ids),
    markMissingBatch: (ids, now) => markMany(ids, now),
    countVisibleUnder: (prefix) => countUnder.get(prefix, prefixUpperBound(prefix)) as number,
    deleteMissing(prefixes) {
      if (prefixes === null) return sqlite.prepare('delete from songs where missing_since is not null').run().changes;
      const remove = sqlite.prepare('delete from songs where missing_since is not null and path >= ? and path < ?');
      return sqlite.transaction(() => prefixes.reduce((n, p) => n + remove.run(p, prefixUpperBound(p)).changes, 0))();
    },
  };
}

/** The smallest string greater than every string starting with `prefix` (for a range scan on the path index). */
function prefixUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}
