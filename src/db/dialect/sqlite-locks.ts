import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** How long a statement waits for another process's write lock before SQLITE_BUSY. */
export const BUSY_TIMEOUT_MS = 10_000;

/**
 * Runs `work` with the busy timeout off, so a write that cannot have the lock right now fails at
 * once instead of waiting. better-sqlite3 is synchronous: a waiting statement would stall every
 * request of `tunes serve` for the whole busy timeout, for a write (a session's "last used" time)
 * that may just as well be skipped.
 */
export async function sqliteWithoutWaitingForLocks<T>(db: Kysely<Database>, work: (conn: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(conn);
    const previous = Number(rows[0]?.timeout ?? BUSY_TIMEOUT_MS);
    await sql`pragma busy_timeout = 0`.execute(conn);
    try {
      return await work(conn);
    } finally {
      await sql.raw(`pragma busy_timeout = ${previous}`).execute(conn);
    }
  });
}
