import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { dialectOf } from './dialect.js';

/**
 * Runs one statement that may fail (a unique name taken) so that its transaction goes on after the
 * failure: PostgreSQL aborts the whole transaction at a failed statement unless a savepoint is
 * rolled back to; SQLite keeps going on its own.
 */
export async function recoverable<T>(trx: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  if (dialectOf(trx).name !== 'postgres') return work();
  await sql`savepoint tunes_recoverable`.execute(trx);
  try {
    const result = await work();
    await sql`release savepoint tunes_recoverable`.execute(trx);
    return result;
  } catch (error) {
    await sql`rollback to savepoint tunes_recoverable`.execute(trx);
    throw error;
  }
}
