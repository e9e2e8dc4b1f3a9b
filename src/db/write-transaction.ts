import { sql, type Kysely } from 'kysely';
import { UnavailableError } from '../errors.js';
import type { Database } from './schema.js';

/**
 * Runs `work` in a BEGIN IMMEDIATE transaction. Kysely's `db.transaction()` issues a deferred BEGIN:
 * when two processes read (say, the last position of a playlist) and then both try to write, WAL
 * mode refuses the later one with SQLITE_BUSY at once instead of waiting. Taking the write lock
 * up front makes the second process wait its turn (busy_timeout) and then read fresh data.
 */
export async function writeTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    try {
      await sql`begin immediate`.execute(conn);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') {
        throw new UnavailableError('the database is busy: another tunes process kept it locked too long', 1, 'try again');
      }
      throw error;
    }
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await rollbackQuietly(conn);
      throw error;
    }
  });
}

async function rollbackQuietly(conn: Kysely<Database>): Promise<void> {
  try {
    await sql`rollback`.execute(conn);
  } catch {
    // SQLite already rolled back on its own (e.g. after SQLITE_FULL); the original error is what matters.
  }
}
