import { sql } from 'kysely';
import { UnavailableError } from '../../errors.js';
import type { SqlDialect } from './dialect.js';
import { postgresTryExclusiveLock } from './postgres-exclusive.js';

/** SQLSTATEs of a transaction that lost a race and may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const ATTEMPTS = 5;

/**
 * PostgreSQL writes: a plain READ COMMITTED transaction. Code that computes from what it read (the
 * next playlist position) locks the row it depends on first (SELECT ... FOR UPDATE, see
 * src/db/repositories), so a second writer waits and then reads fresh data, as BEGIN IMMEDIATE does
 * on SQLite. A serialization failure or deadlock is retried a few times.
 */
export const postgresDialect: SqlDialect = {
  name: 'postgres',
  async writeTransaction(db, work) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await db.transaction().setIsolationLevel('read committed').execute(work);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
        if (attempt >= ATTEMPTS) throw new UnavailableError('the database is busy: other writers kept it locked', 1, 'try again');
      }
    }
  },
  async withoutWaitingForLocks(db, work) {
    return db.transaction().execute(async (trx) => {
      // Only this transaction: a row another writer holds fails at once (55P03) instead of waiting.
      await sql`set local lock_timeout = 1`.execute(trx);
      return work(trx);
    });
  },
  tryExclusiveLock: postgresTryExclusiveLock,
};
