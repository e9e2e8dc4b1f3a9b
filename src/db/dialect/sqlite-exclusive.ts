import { sql, type Kysely } from 'kysely';
import BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../schema.js';
import type { ExclusiveLock } from './dialect.js';
import { sqliteAddon } from './sqlite-addon.js';

/**
 * An exclusive lock named `name` beside this SQLite database: a write transaction (BEGIN IMMEDIATE)
 * held open on a small database of its own (`tunes.db-NAME.lock`), so the library's own writers never
 * wait for it. SQLite's file lock goes with the process, so a killed holder leaves nothing behind.
 * An in-memory database has no other process to exclude: the lock is always had.
 */
export async function sqliteTryExclusiveLock(db: Kysely<Database>, name: string): Promise<ExclusiveLock | undefined> {
  const { rows } = await sql<{ file: string }>`select file from pragma_database_list where name = 'main'`.execute(db);
  const file = rows[0]?.file ?? '';
  if (file === '') return { release: async () => {} };
  const lock = new BetterSqlite3(`${file}-${name}.lock`, { nativeBinding: sqliteAddon() });
  try {
    lock.pragma('busy_timeout = 0');
    lock.exec('begin immediate');
  } catch (error) {
    lock.close();
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return undefined;
    throw error;
  }
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      lock.close(); // closing rolls the held transaction back and lets the file lock go
    },
  };
}
