import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../../src/db/open.js';
import { createCatalogService } from '../../src/services/catalog/catalog-service.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { testDatabase } from '../helpers/test-store.js';

const others: Store[] = [];
afterEach(async () => {
  for (const store of others.splice(0)) await store.close();
});

describe("the catalogue's change marker (what search caches are kept under), on both databases", () => {
  it('stays while nothing is written, and changes on a write by this process or another one', async () => {
    const store = await testDatabase();
    await seedSongs(store, [{ title: 'First' }]);
    const catalog = createCatalogService({ db: store.db });
    const before = await catalog.changeMarker();
    await catalog.listSongs({ query: 'first' });
    // PostgreSQL's marker is the cluster's snapshot: a write to any database of the cluster (other test
    // files run beside this one) moves it, so it can only be asked to change, never to stay.
    if (store.dialect === 'sqlite') {
      expect(await catalog.changeMarker()).toBe(before);
      expect(await catalog.changeMarker()).toBe(before);
    }

    await store.db.updateTable('songs').set({ title: 'Renamed' }).execute();
    const afterOwn = await catalog.changeMarker();
    expect(afterOwn).not.toBe(before);
    if (store.dialect === 'sqlite') expect(await catalog.changeMarker()).toBe(afterOwn);

    // Another server (or a scan in another process) on the same database.
    const other = await openDatabase(store.location);
    others.push(other);
    await other.db.updateTable('songs').set({ title: 'Again' }).execute();
    expect(await catalog.changeMarker()).not.toBe(afterOwn);
  });
});
