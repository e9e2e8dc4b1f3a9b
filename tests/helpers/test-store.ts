import { join } from 'node:path';
import { openStore, type Store } from '../../src/db/open.js';
import { afterEach } from 'vitest';
import { tempDir } from './temp-dir.js';

const opened: Store[] = [];

/** A real SQLite file in a temp folder, fully migrated, closed after the test. */
export async function testStore(): Promise<Store> {
  const store = await openStore(join(tempDir(), 'tunes.db'));
  opened.push(store);
  return store;
}

/** Cheap scrypt parameters so service tests that only need *an* account stay fast. */
export const FAST_SCRYPT = { logN: 10, r: 8, p: 1 };

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});
