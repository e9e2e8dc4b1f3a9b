import type BetterSqlite3 from 'better-sqlite3';
import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { migrations } from '../../../db/migrations/index.js';
import { TunesError } from '../../errors.js';
import type { Database } from '../schema.js';

const staticProvider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Applies pending migrations. PRAGMA user_version holds the count applied, so an up-to-date
 * database costs one pragma read. Kysely's SQLite adapter runs migrations outside a transaction
 * and takes no cross-process lock, so we hold BEGIN IMMEDIATE around it: a second process
 * opening the same new database waits, then finds nothing left to do.
 */
export async function migrateSqlite(db: Kysely<Database>, sqlite: BetterSqlite3.Database): Promise<void> {
  const wanted = Object.keys(migrations).length;
  if (currentVersion(sqlite) >= wanted) return;

  sqlite.exec('BEGIN IMMEDIATE');
  try {
    // Round 2's branches each reserve a migration number and land in any order: a database that ran
    // 0009 before 0008 reached main must still take 0008 (Kysely would call that "corrupted").
    const { error, results } = await new Migrator({ db, provider: staticProvider, allowUnorderedMigrations: true }).migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new TunesError('internal', `database migration ${failed} failed: ${String(error)}`);
    }
    sqlite.pragma(`user_version = ${wanted}`);
    sqlite.exec('COMMIT');
  } catch (error) {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    throw error;
  }
}

function currentVersion(sqlite: BetterSqlite3.Database): number {
  return sqlite.pragma('user_version', { simple: true }) as number;
}
