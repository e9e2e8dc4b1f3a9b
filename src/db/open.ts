import { openPostgresStore, type PostgresStore } from './dialect/postgres-store.js';
import { isPostgresUrl, refusePasswordOnCommandLine } from './dialect/postgres-url.js';
import { openSqliteStore, type SqliteStore } from './dialect/sqlite-store.js';

export type { PostgresStore } from './dialect/postgres-store.js';
export type { SqliteStore } from './dialect/sqlite-store.js';
export type { StoreBase } from './store.js';
export { PAGE_CACHE_KIB } from './dialect/sqlite-store.js';
export { redactedUrl } from './dialect/postgres-url.js';

/** An open database, SQLite or PostgreSQL: services take `db` and `songWriter()` and never ask which. */
export type Store = SqliteStore | PostgresStore;

/**
 * Opens (creating if needed) the SQLite database at `path`, in WAL mode, and brings its schema up to
 * date. `createFolder: false` (a path the user typed, `--db`) refuses a folder that does not exist
 * rather than quietly starting an empty library somewhere unexpected.
 */
export async function openStore(path: string, options: { createFolder?: boolean } = {}): Promise<SqliteStore> {
  return openSqliteStore(path, options);
}

export interface OpenDatabaseOptions {
  createFolder?: boolean;
  /** The location was typed on the command line (`--db`): a URL there must carry no password. */
  fromCommandLine?: boolean;
}

/** Opens the database at a file path or a postgres:// URL. */
export async function openDatabase(location: string, { createFolder, fromCommandLine = false }: OpenDatabaseOptions = {}): Promise<Store> {
  if (!isPostgresUrl(location)) return openSqliteStore(location, createFolder === undefined ? {} : { createFolder });
  if (fromCommandLine) refusePasswordOnCommandLine(location);
  return openPostgresStore(location);
}
