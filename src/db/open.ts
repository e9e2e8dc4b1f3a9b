import { openSqliteStore, type SqliteStore } from './dialect/sqlite-store.js';

export type { SqliteStore } from './dialect/sqlite-store.js';
export type { StoreBase } from './store.js';
export { PAGE_CACHE_KIB } from './dialect/sqlite-store.js';

/** An open database: SQLite today; PostgreSQL joins this union (src/db/dialect/postgres-store.ts). */
export type Store = SqliteStore;

/**
 * Opens (creating if needed) the database at `path`, in WAL mode, and brings its schema up to date.
 * `createFolder: false` (a path the user typed, `--db`) refuses a folder that does not exist rather
 * than quietly starting an empty library somewhere unexpected.
 */
export async function openStore(path: string, options: { createFolder?: boolean } = {}): Promise<SqliteStore> {
  return openSqliteStore(path, options);
}
