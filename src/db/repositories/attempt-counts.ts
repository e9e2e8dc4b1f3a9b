import type { Kysely } from 'kysely';
import { ADVISORY_LOCKS, lockKeysForTransaction } from '../dialect/advisory-lock.js';
import type { Database } from '../schema.js';
import { writeTransaction } from '../write-transaction.js';

/** A limiter key's attempts so far (none when it was never tried or has been forgotten). */
export interface StoredAttempts {
  count: number;
  lastAt: number;
}

export interface AttemptKey {
  key: string;
  /** How long after its last attempt the key starts over. */
  forgetAfterMs: number;
}

/**
 * Counts one attempt on every key, unless `waitFor` says one must still wait: then nothing is counted
 * and that wait (ms) comes back, else 0. One write transaction with each key's lock held (PostgreSQL:
 * advisory locks in key order; SQLite: the one writer), so attempts arriving together at several
 * servers cannot all pass the check before any is counted. Keys past their forget time are swept.
 */
export async function takeAttempts(
  db: Kysely<Database>,
  keys: readonly AttemptKey[],
  now: number,
  waitFor: (key: string, stored: StoredAttempts) => number,
): Promise<number> {
  return writeTransaction(db, async (trx) => {
    await lockKeysForTransaction(trx, ADVISORY_LOCKS.attemptKey, keys.map((k) => k.key));
    const rows = await trx
      .selectFrom('attempt_counts')
      .select(['key', 'count', 'last_at'])
      .where('key', 'in', keys.map((k) => k.key))
      .where('forget_at', '>', now)
      .execute();
    let wait = 0;
    for (const row of rows) wait = Math.max(wait, waitFor(row.key, { count: row.count, lastAt: row.last_at }));
    if (wait > 0) return wait;
    await trx.deleteFrom('attempt_counts').where('forget_at', '<=', now).execute();
    for (const { key, forgetAfterMs } of keys) {
      await trx
        .insertInto('attempt_counts')
        .values({ key, count: 1, last_at: now, forget_at: now + forgetAfterMs })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet((eb) => ({ count: eb('attempt_counts.count', '+', 1), last_at: now, forget_at: now + forgetAfterMs })),
        )
        .execute();
    }
    return 0;
  });
}

/** The live attempts of these keys (past their forget time: none), read without counting. */
export async function readAttempts(db: Kysely<Database>, keys: readonly string[], now: number): Promise<Map<string, StoredAttempts>> {
  const rows = await db.selectFrom('attempt_counts').select(['key', 'count', 'last_at']).where('key', 'in', [...keys]).where('forget_at', '>', now).execute();
  return new Map(rows.map((row) => [row.key, { count: row.count, lastAt: row.last_at }]));
}

/** Takes back one attempt of `key` (the row goes with its last attempt). */
export async function giveBackAttempt(db: Kysely<Database>, key: string): Promise<void> {
  await writeTransaction(db, async (trx) => {
    await lockKeysForTransaction(trx, ADVISORY_LOCKS.attemptKey, [key]);
    await trx.deleteFrom('attempt_counts').where('key', '=', key).where('count', '<=', 1).execute();
    await trx.updateTable('attempt_counts').set((eb) => ({ count: eb('count', '-', 1) })).where('key', '=', key).execute();
  });
}

export async function forgetAttempts(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('attempt_counts').where('key', '=', key).execute();
}
