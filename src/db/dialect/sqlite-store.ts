import { closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { TunesError } from '../../errors.js';
import { createSqliteSongWriter, type SongWriter } from '../repositories/song-writes.js';
import { openFailure } from '../open-failure.js';
import type { Database } from '../schema.js';
import { registerSqlFunctions } from '../sql-functions.js';
import { withStatementCache } from '../statement-cache.js';
import type { StoreBase } from '../store.js';
import { BUSY_TIMEOUT_MS } from './sqlite-locks.js';
import { sqliteAddon } from './sqlite-addon.js';
import { migrateSqlite } from './sqlite-migrate.js';

/** SQLite's page cache per connection, in KiB (SQLite's default). */
export const PAGE_CACHE_KIB = 2000;

export interface SqliteStore extends StoreBase {
  readonly dialect: 'sqlite';
  /** The raw handle, for the few places in src/db that need a prepared statement in a hot loop (and tests). */
  sqlite: BetterSqlite3.Database;
  path: string;
}

/**
 * Opens (creating if needed) the database at `path`, in WAL mode, and brings its schema up to date.
 * `createFolder: false` (a path the user typed, `--db`) refuses a folder that does not exist rather
 * than quietly starting an empty library somewhere unexpected.
 */
export async function openSqliteStore(path: string, { createFolder = true }: { createFolder?: boolean } = {}): Promise<SqliteStore> {
  if (!createFolder && path !== ':memory:' && !existsSync(dirname(path))) {
    throw new TunesError('io', `cannot open database ${path}: folder ${dirname(path)} does not exist`, 'check the --db path, or create the folder first');
  }
  let sqlite: BetterSqlite3.Database;
  try {
    if (path !== ':memory:') createPrivately(path);
    sqlite = new BetterSqlite3(path, { nativeBinding: sqliteAddon() });
  } catch (error) {
    throw new TunesError('io', `cannot open database ${path}: ${(error as Error).message}`);
  }
  try {
    // The busy timeout must come first: switching to WAL itself needs a lock another process may hold.
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    enableWal(sqlite);
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    // better-sqlite3 builds SQLite with a 16 MB page cache per connection (SQLite's own default is 2 MB).
    // One count over a million songs reads every page of an index and the cache keeps them: +16 MiB of
    // resident memory for the life of the process, for pages the OS file cache holds anyway.
    sqlite.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    registerSqlFunctions(sqlite);
  } catch (error) {
    sqlite.close();
    throw openFailure(error, path);
  }

  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  try {
    await migrateSqlite(db, sqlite);
  } catch (error) {
    await db.destroy();
    throw openFailure(error, path);
  }
  let closed = false;
  let writer: SongWriter | undefined;
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    path,
    location: path,
    // Prepared lazily: commands that never touch the library should not prepare its statements.
    songWriter: () => (writer ??= createSqliteSongWriter(sqlite, db)),
    close: async () => {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

/**
 * The database holds password hashes and session hashes: a new one is readable by its owner only
 * (SQLite gives its -wal and -shm files the same mode). An existing file keeps the mode it has.
 */
function createPrivately(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

/**
 * WAL mode is stored in the file, so this only does work on a new database. SQLite answers
 * SQLITE_BUSY to the switch without consulting the busy handler when another process is creating
 * the same file at that moment, so retry for a while (as the busy timeout would).
 */
function enableWal(sqlite: BetterSqlite3.Database): void {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      if (sqlite.pragma('journal_mode', { simple: true }) === 'wal') return;
      sqlite.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}
