import type { Kysely } from 'kysely';
import { dialectOf } from './dialect/dialect.js';
import type { Database } from './schema.js';

export { BUSY_TIMEOUT_MS } from './dialect/sqlite-locks.js';

/**
 * Runs `work` so that a write which cannot have its lock right now fails at once instead of waiting
 * (for a write, like a session's "last used" time, that may just as well be skipped).
 */
export async function withoutWaitingForLocks<T>(db: Kysely<Database>, work: (conn: Kysely<Database>) => Promise<T>): Promise<T> {
  return dialectOf(db).withoutWaitingForLocks(db, work);
}
