import { join } from 'node:path';
import { openDatabase, openStore, type SqliteStore, type Store } from '../../src/db/open.js';
import { afterEach } from 'vitest';
import { freshPostgresUrl, homeDatabaseLocation, testDialect } from './test-postgres.js';
import { tempDir } from './temp-dir.js';

const opened: Store[] = [];

/** A real SQLite file in a temp folder, fully migrated, closed after the test (for tests of SQLite itself). */
export async function testStore(): Promise<SqliteStore> {
  const store = await openStore(join(tempDir(), 'tunes.db'));
  opened.push(store);
  return store;
}

/**
 * A fresh database of the dialect under test: SQLite for `npm test`, a new database on the throwaway
 * PostgreSQL server for `npm run test:pg` (TUNES_TEST_POSTGRES_URL). Tests of services and
 * repositories use this one, so they run on both.
 */
export async function testDatabase(): Promise<Store> {
  const store = testDialect() === 'postgres' ? await openDatabase(await freshPostgresUrl()) : await openStore(join(tempDir(), 'tunes.db'));
  opened.push(store);
  return store;
}

/**
 * The library the CLI of `home` uses (its tunes.db, or its own PostgreSQL database under test:pg:
 * homeDatabaseEnv), opened by the test itself; the caller closes it.
 */
export async function openHomeDatabase(home: string): Promise<Store> {
  return openDatabase(homeDatabaseLocation(home));
}

/** Cheap scrypt parameters so service tests that only need *an* account stay fast. */
export const FAST_SCRYPT = { logN: 10, r: 8, p: 1 };

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});
