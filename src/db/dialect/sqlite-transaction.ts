import type BetterSqlite3 from 'better-sqlite3';
import { sql, type Kysely } from 'kysely';
import { UnavailableError } from '../../errors.js';
import type { Database } from '../schema.js';

const busy = () => new UnavailableError('the database is busy: another tunes process kept it locked too long', 1, 'try again');

/**
 * Runs `work` in a BEGIN IMMEDIATE transaction on Kysely's connection. Kysely's `db.transaction()`
 * issues a deferred BEGIN: when two processes read (say, the last position of a playlist) and then
 * both try to write, WAL mode refuses the later one with SQLITE_BUSY at once instead of waiting.
 * Taking the write lock up front makes the second process wait its turn (busy_timeout) and then read
 * fresh data.
 */
export async function sqliteWriteTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    try {
      await sql`begin immediate`.execute(conn);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw busy();
      throw error;
    }
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await rollbackQuietly(() => sql`rollback`.execute(conn));
      throw error;
    }
  });
}

/**
 * The same for work on the raw handle (the scanner's prepared statements): Kysely's one connection is
 * held for the whole transaction, so no query of this process's store slips into it between awaits.
 * Nested calls join the transaction already open.
 */
export async function sqliteImmediate<T>(sqlite: BetterSqlite3.Database, db: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  if (sqlite.inTransaction) return work();
  return db.connection().execute(async () => {
    try {
      sqlite.exec('BEGIN IMMEDIATE');
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw busy();
      throw error;
    }
    try {
      const result = await work();
      sqlite.exec('COMMIT');
      return result;
    } catch (error) {
      await rollbackQuietly(async () => {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      });
      throw error;
    }
  });
}

async function rollbackQuietly(rollback: () => Promise<unknown>): Promise<void> {
  try {
    await rollback();
  } catch {
    // SQLite already rolled back on its own (e.g. after SQLITE_FULL); the original error is what matters.
  }
}
