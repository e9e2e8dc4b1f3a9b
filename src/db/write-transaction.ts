import type { Kysely } from 'kysely';
import { dialectOf } from './dialect/dialect.js';
import type { Database } from './schema.js';

/**
 * Runs `work` as one write transaction that sees fresh data and waits its turn behind other writers
 * (other processes too): BEGIN IMMEDIATE on SQLite, see src/db/dialect/. Use it wherever a write
 * depends on what was read first (the next position in a playlist, a name not taken yet).
 */
export async function writeTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return dialectOf(db).writeTransaction(db, work);
}
