import { PostgresAdapter, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { postgresDialect } from './postgres.js';
import { sqliteDialect } from './sqlite.js';

export type DialectName = 'sqlite' | 'postgres';

/**
 * What differs between the databases tunes runs on, for code that has only a Kysely handle (a
 * repository, a transaction). Opening, pooling, migrations and the scanner's writer are the Store's
 * (src/db/open.ts); SQL text that differs is chosen by `dialectOf(db).name` inside src/db only.
 */
export interface SqlDialect {
  readonly name: DialectName;
  /** One write transaction that waits its turn behind other writers and then reads fresh data. */
  writeTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /** Runs `work` so that a write which cannot have its lock right now fails at once instead of waiting. */
  withoutWaitingForLocks<T>(db: Kysely<Database>, work: (conn: Kysely<Database>) => Promise<T>): Promise<T>;
  /** Takes the database-wide lock `name` if nobody (no process) holds it, else gives undefined at once. */
  tryExclusiveLock(db: Kysely<Database>, name: string): Promise<ExclusiveLock | undefined>;
}

/** A lock that excludes every other process using the same database until released. */
export interface ExclusiveLock {
  release(): Promise<void>;
}

/** The dialect of a Kysely handle, a transaction or a connection of one (read from Kysely's adapter). */
export function dialectOf(db: Kysely<Database>): SqlDialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? postgresDialect : sqliteDialect;
}
