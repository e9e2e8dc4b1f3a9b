import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { openFailure } from '../open-failure.js';
import type { Database } from '../schema.js';
import { registerSqlFunctions } from '../sql-functions.js';
import { withStatementCache } from '../statement-cache.js';
import { BUSY_TIMEOUT_MS } from './sqlite-locks.js';

/** A read-only connection to a database another connection has opened (and migrated) already. */
export interface SqliteReader {
  db: Kysely<Database>;
  close(): Promise<void>;
}

/**
 * Opens `path` read-only, for a thread that only searches (the server's search workers): WAL lets it
 * read while the main connection writes, and every read sees what was committed before it began.
 * `cacheKib` is this connection's page cache.
 */
// dialect: sqlite-only (PostgreSQL's pool already runs queries on many connections)
export function openSqliteReader(path: string, { cacheKib }: { cacheKib: number }): SqliteReader {
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    sqlite.pragma(`cache_size = -${cacheKib}`);
    registerSqlFunctions(sqlite);
  } catch (error) {
    throw openFailure(error, path);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  return { db, close: () => db.destroy() };
}
