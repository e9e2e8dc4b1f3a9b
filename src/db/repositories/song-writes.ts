import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { SongRow } from '../schema.js';
import { createSqliteAlbumWriter, type AlbumWriter } from './album-writes.js';
import { prefixUpperBound } from './path-range.js';
import { refreshSearchTerms } from './search-terms.js';
import { createReferenceMover } from './song-merges.js';

/** What the scanner knows about a stored song without reading its tags. */
export interface StoredFile {
  id: number;
  path: string;
  size: number;
  mtime_ms: number;
  missing_since: string | null;
  /** The file's identity at the last scan; null for songs no scan has identified yet. */
  dev: number | null;
  ino: number | null;
  /** The scanner version that read it: older ones are read again. */
  scan_version: number;
  /** Its `.lrc` at the last read (see SongsTable). */
  lyrics_sidecar: string | null;
}

/** A song as the scanner writes it: every column but the ones the database or the album writer owns. */
export type ScannedSong = Pick<
  SongRow,
  | 'path' | 'title' | 'artist' | 'album' | 'album_artist' | 'genre' | 'year' | 'track_no' | 'disc_no' | 'duration_ms'
  | 'codec' | 'bitrate' | 'sample_rate' | 'size' | 'mtime_ms'
  | 'replaygain_track_gain_db' | 'replaygain_track_peak' | 'replaygain_album_gain_db' | 'replaygain_album_peak'
  // The album as far as the scan knows when writing (the album writer settles it after the scan).
  | 'album_id' | 'artist_id' | 'album_artist_name' | 'album_order'
> & FileIdentity & {
  compilation_tag: 0 | 1;
  album_folder: string;
  file_order: string;
  /** The embedded picture found (null: none, or pictures were not looked at). */
  picture: { hash: string; mime: string; byte_size: number } | null;
  /** The lyrics found (a sidecar's, else the file's own); null: none. */
  lyrics: { source: string; language: string | null; text: string } | null;
  lyrics_sidecar: string | null;
};

export interface FileIdentity {
  dev: number;
  ino: number;
}

/** Songs that are one file: `duplicates` give everything attached to them to `survivor` and go. */
export interface SongMerge {
  survivor: number;
  duplicates: readonly number[];
  /** Where the survivor's file is now; when it is a duplicate's path, the survivor takes that row's tags. */
  path: string;
}

/** What tells copies of one file apart from different files that happen to share size and time. */
export interface SongLikeness {
  id: number;
  title: string;
  artist: string;
  album: string;
  duration_ms: number | null;
}

/**
 * The scanner's hot path: every database's Store makes one (src/db/dialect/), so the scanner never
 * knows which it writes to. On SQLite it runs prepared statements on the raw better-sqlite3 handle:
 * Kysely's per-query compile and async hop cost more than the insert itself at thousands of rows a second.
 */
export interface SongWriter {
  /** Albums, artists and covers (the grouping after a scan's writes). */
  readonly albums: AlbumWriter;
  /** Stored songs whose path is under one of `prefixes` (each ending in a path separator); all songs when null. */
  storedFiles(prefixes: readonly string[] | null): Promise<StoredFile[]>;
  /** The stored songs at these paths (any of them may have none). */
  storedAt(paths: readonly string[]): Promise<StoredFile[]>;
  /** Every stored song, missing or not. */
  countAll(): Promise<number>;
  /** Stored songs whose file had one of these identities at their last scan. */
  storedByIdentity(files: ReadonlyArray<FileIdentity>): Promise<StoredFile[]>;
  /** Every song marked missing, wherever it was. */
  missingFiles(): Promise<StoredFile[]>;
  /**
   * Inserts or updates by path, in one statement (so one transaction; with the new covers first); a
   * re-found song loses its missing mark. `scanVersion` is recorded with each.
   */
  upsertBatch(songs: readonly ScannedSong[], now: string, scanVersion: number): Promise<void>;
  /** Clears the missing mark of unchanged files that came back. */
  restoreBatch(ids: readonly number[]): Promise<void>;
  markMissingBatch(ids: readonly number[], now: string): Promise<void>;
  /**
   * Files that moved: each stored song `id` takes over `path`, where this scan had just added a new
   * row (dropped here), so its id, likes, playlist places and history stay with it.
   */
  moveBatch(moves: readonly SongMove[]): Promise<void>;
  /** Records the device and inode of unchanged files whose identity was unknown or changed. */
  setIdentityBatch(updates: ReadonlyArray<FileIdentity & { id: number }>): Promise<void>;
  /** Merges songs that turned out to be one file (in one transaction). */
  mergeBatch(merges: readonly SongMerge[]): Promise<void>;
  likeness(ids: readonly number[]): Promise<SongLikeness[]>;
  countVisibleUnder(prefix: string): Promise<number>;
  /** Missing songs under the prefixes (or all), deleted; returns how many. */
  deleteMissing(prefixes: readonly string[] | null): Promise<number>;
  /** Reads the search index's words again (the typo candidates), after songs changed. */
  refreshSearchTerms(): Promise<void>;
}

export interface SongMove {
  id: number;
  path: string;
}

const COLUMNS = [
  'title', 'artist', 'album', 'album_artist', 'genre', 'year', 'track_no', 'disc_no',
  'duration_ms', 'codec', 'bitrate', 'sample_rate', 'size', 'mtime_ms',
  'replaygain_track_gain_db', 'replaygain_track_peak', 'replaygain_album_gain_db', 'replaygain_album_peak',
  'dev', 'ino',
  'compilation_tag', 'album_folder', 'file_order', 'album_id', 'artist_id', 'album_artist_name', 'album_order',
  'lyrics_sidecar',
] as const;
/** Columns a read sets beside the tags: a moved song takes them from the fresh row too. */
const READ_COLUMNS = [...COLUMNS, 'cover_id', 'scan_version'] as const;

/** The SQLite writer. `db` is the Kysely instance on the same handle (its connection is held for a transaction). */
export function createSqliteSongWriter(sqlite: BetterSqlite3.Database, db: Kysely<Database>): SongWriter {
  // One statement per batch, the rows passed as a JSON array: the FTS triggers make every statement
  // open a savepoint, and FTS5 flushes its pending terms to a new index segment at each one, so a
  // statement per row wrote (and later merged) one tiny segment per song: ~3x the cost of the batch.
  const upsertSongs = sqlite.prepare(
    `insert into songs (path, ${READ_COLUMNS.join(', ')}, added_at, missing_since)
     select s.value ->> '$.path', ${COLUMNS.map((c) => `s.value ->> '$.${c}'`).join(', ')},
       (select c.id from covers c where c.hash = s.value ->> '$.picture.hash'), @version, @now, null
     from json_each(@songs) s where true
     on conflict (path) do update set ${READ_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}, missing_since = null`,
  );
  const insertCovers = sqlite.prepare(
    `insert into covers (hash, mime, byte_size, created_at)
     select distinct s.value ->> '$.picture.hash', s.value ->> '$.picture.mime', s.value ->> '$.picture.byte_size', @now
     from json_each(@songs) s where s.value ->> '$.picture.hash' is not null
     on conflict (hash) do nothing`,
  );
  // dialect: sqlite-only (needs a PostgreSQL twin): json_each / ->> over the batch, as the songs' upsert.
  const upsertLyrics = sqlite.prepare(
    `insert into song_lyrics (song_id, source, language, text)
     select songs.id, s.value ->> '$.lyrics.source', s.value ->> '$.lyrics.language', s.value ->> '$.lyrics.text'
     from json_each(@songs) s join songs on songs.path = s.value ->> '$.path'
     where s.value ->> '$.lyrics.text' is not null
     on conflict (song_id) do update set source = excluded.source, language = excluded.language, text = excluded.text`,
  );
  const dropLyrics = sqlite.prepare(
    `delete from song_lyrics where song_id in (
       select songs.id from json_each(@songs) s join songs on songs.path = s.value ->> '$.path'
       where s.value ->> '$.lyrics.text' is null)`,
  );
  const upsert = sqlite.transaction((args: { songs: string; now: string; version: number; pictures: boolean }) => {
    if (args.pictures) insertCovers.run({ songs: args.songs, now: args.now });
    upsertSongs.run({ songs: args.songs, now: args.now, version: args.version });
    upsertLyrics.run({ songs: args.songs });
    dropLyrics.run({ songs: args.songs });
  });
  const restore = sqlite.prepare('update songs set missing_since = null where id in (select value from json_each(?))');
  const markMissing = sqlite.prepare(
    'update songs set missing_since = ? where id in (select value from json_each(?)) and missing_since is null',
  );
  // The row just read at the new path has the file's current tags: the moved song takes them too.
  const takeTags = sqlite.prepare(
    `update songs set (${READ_COLUMNS.join(', ')}) = (select ${READ_COLUMNS.join(', ')} from songs where path = @path)
     where id = @id and exists (select 1 from songs where path = @path)`,
  );
  // The fresh row's lyrics go with its tags (its row is dropped next).
  const takeLyrics = sqlite.prepare(
    `insert or replace into song_lyrics (song_id, source, language, text)
     select @id, source, language, text from song_lyrics
     where song_id = (select id from songs where path = @path and id != @id)`,
  );
  const dropStaleLyrics = sqlite.prepare(
    `delete from song_lyrics where song_id = @id
     and exists (select 1 from songs where path = @path and id != @id)
     and not exists (select 1 from song_lyrics l join songs f on f.id = l.song_id where f.path = @path and f.id != @id)`,
  );
  const dropFresh = sqlite.prepare('delete from songs where path = @path and id != @id');
  const repath = sqlite.prepare('update songs set path = @path, missing_since = null where id = @id');
  const moveOne = (m: SongMove) => {
    takeTags.run(m);
    dropStaleLyrics.run(m);
    takeLyrics.run(m);
    dropFresh.run(m);
    repath.run(m);
  };
  const move = sqlite.transaction((moves: readonly SongMove[]) => moves.forEach(moveOne));
  const setIdentity = sqlite.prepare(
    `update songs set dev = s.value ->> '$.dev', ino = s.value ->> '$.ino'
     from json_each(?) s where songs.id = s.value ->> '$.id'`,
  );
  const moveReferences = createReferenceMover(sqlite);
  const dropDuplicate = sqlite.prepare('delete from songs where id = ? and path != ?');
  const merge = sqlite.transaction((merges: readonly SongMerge[]) => {
    for (const m of merges) {
      moveReferences(m.survivor, m.duplicates);
      for (const id of m.duplicates) dropDuplicate.run(id, m.path);
      // The duplicate at the survivor's new path (if any) is the last to go: the survivor takes its tags.
      moveOne({ id: m.survivor, path: m.path });
    }
  });
  const likenessRows = sqlite.prepare(
    'select id, title, artist, album, duration_ms from songs where id in (select value from json_each(?))',
  );
  const STORED = 'id, path, size, mtime_ms, missing_since, dev, ino, scan_version, lyrics_sidecar';
  const missingRows = sqlite.prepare(`select ${STORED} from songs where missing_since is not null`);
  const all = sqlite.prepare(`select ${STORED} from songs`);
  const under = sqlite.prepare(`select ${STORED} from songs where path >= ? and path < ?`);
  const at = sqlite.prepare(`select ${STORED} from songs where path in (select value from json_each(?))`);
  const byIdentity = sqlite.prepare(
    `select ${STORED} from songs
     where (dev, ino) in (select value ->> '$.dev', value ->> '$.ino' from json_each(?))`,
  );
  let albums: AlbumWriter | undefined;

  const countEvery = sqlite.prepare('select count(*) from songs').pluck();
  const countUnder = sqlite
    .prepare('select count(*) from songs where path >= ? and path < ? and missing_since is null')
    .pluck();

  return {
    refreshSearchTerms: async () => refreshSearchTerms(sqlite),
    get albums() {
      return (albums ??= createSqliteAlbumWriter(sqlite, db));
    },
    async storedFiles(prefixes) {
      if (prefixes === null) return all.all() as StoredFile[];
      const byId = new Map<number, StoredFile>();
      for (const prefix of prefixes) {
        for (const row of under.all(prefix, prefixUpperBound(prefix)) as StoredFile[]) byId.set(row.id, row);
      }
      return [...byId.values()];
    },
    storedAt: async (paths) => (paths.length === 0 ? [] : (at.all(JSON.stringify(paths)) as StoredFile[])),
    storedByIdentity: async (files) =>
      files.length === 0 ? [] : (byIdentity.all(JSON.stringify(files.map((f) => ({ dev: f.dev, ino: f.ino })))) as StoredFile[]),
    missingFiles: async () => missingRows.all() as StoredFile[],
    async upsertBatch(songs, now, version) {
      // IMMEDIATE: take the write lock up front, as every cross-process write here does.
      if (songs.length > 0) upsert.immediate({ songs: JSON.stringify(songs), now, version, pictures: songs.some((s) => s.picture !== null) });
    },
    async restoreBatch(ids) {
      if (ids.length > 0) restore.run(JSON.stringify(ids));
    },
    async markMissingBatch(ids, now) {
      if (ids.length > 0) markMissing.run(now, JSON.stringify(ids));
    },
    async moveBatch(moves) {
      // IMMEDIATE: take the write lock up front, as every cross-process write here does.
      if (moves.length > 0) move.immediate(moves);
    },
    async setIdentityBatch(updates) {
      if (updates.length > 0) setIdentity.run(JSON.stringify(updates));
    },
    async mergeBatch(merges) {
      if (merges.length > 0) merge.immediate(merges);
    },
    likeness: async (ids) => (ids.length === 0 ? [] : (likenessRows.all(JSON.stringify(ids)) as SongLikeness[])),
    countAll: async () => countEvery.get() as number,
    countVisibleUnder: async (prefix) => countUnder.get(prefix, prefixUpperBound(prefix)) as number,
    async deleteMissing(prefixes) {
      if (prefixes === null) return sqlite.prepare('delete from songs where missing_since is not null').run().changes;
      const remove = sqlite.prepare('delete from songs where missing_since is not null and path >= ? and path < ?');
      return sqlite.transaction(() => prefixes.reduce((n, p) => n + remove.run(p, prefixUpperBound(p)).changes, 0))();
    },
  };
}
