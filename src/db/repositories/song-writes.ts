import type BetterSqlite3 from 'better-sqlite3';
import type { Song } from '../../domain/song.js';

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
  /** Every song marked missing, wherever it was. */
  missingFiles(): StoredFile[];
  /** Inserts or updates by path, in one statement (so one transaction); a re-found song loses its missing mark. */
  upsertBatch(songs: readonly ScannedSong[], now: string): void;
  /** Clears the missing mark of unchanged files that came back. */
  restoreBatch(ids: readonly number[]): void;
  markMissingBatch(ids: readonly number[], now: string): void;
  /**
   * Files that moved: each stored song `id` takes over `path`, where this scan had just added a new
   * row (dropped here), so its id, likes, playlist places and history stay with it.
   */
  moveBatch(moves: readonly SongMove[]): void;
  countVisibleUnder(prefix: string): number;
  /** Missing songs under the prefixes (or all), deleted; returns how many. */
  deleteMissing(prefixes: readonly string[] | null): number;
}

export interface SongMove {
  id: number;
  path: string;
}

const COLUMNS = [
  'title', 'artist', 'album', 'album_artist', 'genre', 'year', 'track_no', 'disc_no',
  'duration_ms', 'codec', 'bitrate', 'sample_rate', 'size', 'mtime_ms',
  'replaygain_track_gain_db', 'replaygain_track_peak', 'replaygain_album_gain_db', 'replaygain_album_peak',
] as const;

export function createSongWriter(sqlite: BetterSqlite3.Database): SongWriter {
  // One statement per batch, the rows passed as a JSON array: the FTS triggers make every statement
  // open a savepoint, and FTS5 flushes its pending terms to a new index segment at each one, so a
  // statement per row wrote (and later merged) one tiny segment per song: ~3x the cost of the batch.
  const upsert = sqlite.prepare(
    `insert into songs (path, ${COLUMNS.join(', ')}, added_at, missing_since)
     select s.value ->> '$.path', ${COLUMNS.map((c) => `s.value ->> '$.${c}'`).join(', ')}, @now, null
     from json_each(@songs) s where true
     on conflict (path) do update set ${COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}, missing_since = null`,
  );
  const restore = sqlite.prepare('update songs set missing_since = null where id in (select value from json_each(?))');
  const markMissing = sqlite.prepare(
    'update songs set missing_since = ? where id in (select value from json_each(?)) and missing_since is null',
  );
  // The row just read at the new path has the file's current tags: the moved song takes them too.
  const takeTags = sqlite.prepare(
    `update songs set (${COLUMNS.join(', ')}) = (select ${COLUMNS.join(', ')} from songs where path = @path) where id = @id`,
  );
  const dropFresh = sqlite.prepare('delete from songs where path = @path and id != @id');
  const repath = sqlite.prepare('update songs set path = @path, missing_since = null where id = @id');
  const move = sqlite.transaction((moves: readonly SongMove[]) => {
    for (const m of moves) {
      takeTags.run(m);
      dropFresh.run(m);
      repath.run(m);
    }
  });
  const missingRows = sqlite.prepare('select id, path, size, mtime_ms, missing_since from songs where missing_since is not null');
  const all = sqlite.prepare('select id, path, size, mtime_ms, missing_since from songs');
  const under = sqlite.prepare(
    'select id, path, size, mtime_ms, missing_since from songs where path >= ? and path < ?',
  );

  const countUnder = sqlite
    .prepare('select count(*) from songs where path >= ? and path < ? and missing_since is null')
    .pluck();

  return {
    storedFiles(prefixes) {
      if (prefixes === null) return all.all() as StoredFile[];
      const byId = new Map<number, StoredFile>();
      for (const prefix of prefixes) {
        for (const row of under.all(prefix, prefixUpperBound(prefix)) as StoredFile[]) byId.set(row.id, row);
      }
      return [...byId.values()];
    },
    missingFiles: () => missingRows.all() as StoredFile[],
    upsertBatch(songs, now) {
      if (songs.length > 0) upsert.run({ songs: JSON.stringify(songs), now });
    },
    restoreBatch(ids) {
      if (ids.length > 0) restore.run(JSON.stringify(ids));
    },
    markMissingBatch(ids, now) {
      if (ids.length > 0) markMissing.run(now, JSON.stringify(ids));
    },
    moveBatch(moves) {
      // IMMEDIATE: take the write lock up front, as every cross-process write here does.
      if (moves.length > 0) move.immediate(moves);
    },
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
