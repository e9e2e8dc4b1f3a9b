import type { Kysely } from 'kysely';
import { dialectOf, type ExclusiveLock } from './dialect/dialect.js';
import type { Database } from './schema.js';

export type { ExclusiveLock } from './dialect/dialect.js';

/** The one-scanner-at-a-time lock (a scan, a folder add, a watch): undefined when another holds it. */
export function tryScanLock(db: Kysely<Database>): Promise<ExclusiveLock | undefined> {
  return dialectOf(db).tryExclusiveLock(db, 'scan');
}
