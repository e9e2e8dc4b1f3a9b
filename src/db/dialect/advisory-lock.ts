import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema.js';
import { dialectOf } from './dialect.js';

/** Names of the PostgreSQL advisory locks tunes takes (the numbers are arbitrary, fixed once chosen). */
export const ADVISORY_LOCKS = {
  /** Deciding whether a new account is the first, and so the admin. */
  firstAccount: 7_153_908_246_001n,
  /** The seed of one limiter key's lock (hashtextextended(key, seed)): see attempt-counts.ts. */
  attemptKey: 7_153_908_246_002n,
} as const;

/**
 * Runs `work` in a transaction that holds a PostgreSQL advisory lock until it ends, so writes that
 * decide from what they read (READ COMMITTED sees no uncommitted row) take turns across every
 * connection and server. On SQLite a single statement already runs alone (one writer): `work` runs as is.
 */
export async function underAdvisoryLock<T>(
  db: Kysely<Database> | Transaction<Database>,
  lock: bigint,
  work: (db: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (dialectOf(db).name !== 'postgres') return work(db);
  const locked = async (trx: Kysely<Database>) => {
    await sql`select pg_advisory_xact_lock(${sql.lit(lock.toString())}::bigint)`.execute(trx);
    return work(trx);
  };
  return db.isTransaction ? locked(db) : db.transaction().execute(locked);
}

/**
 * In a PostgreSQL transaction, takes one advisory lock per text key (hashed with `seed`) in sorted
 * order, so two transactions locking overlapping keys never deadlock; held until the transaction
 * ends. On SQLite the write transaction already runs alone: nothing to do.
 */
export async function lockKeysForTransaction(trx: Kysely<Database>, seed: bigint, keys: readonly string[]): Promise<void> {
  if (dialectOf(trx).name !== 'postgres') return;
  for (const key of [...new Set(keys)].sort()) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${key}, ${sql.lit(seed.toString())}::bigint))`.execute(trx);
  }
}
