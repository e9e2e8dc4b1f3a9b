import { afterEach, describe, expect, it } from 'vitest';
import { createAlbumListService } from '../../src/services/browse/album-lists.js';
import { createBrowseService } from '../../src/services/browse/browse-service.js';
import { createCatalogService } from '../../src/services/catalog/catalog-service.js';
import { routeSearches, type RoutedSearch } from '../../src/services/search-workers/routed-search.js';
import { startSearchPool } from '../../src/services/search-workers/search-pool.js';
import { TunesError } from '../../src/errors.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { testStore } from '../helpers/test-store.js';

const LIBRARY = [
  { title: 'Creep', artist: 'Radiohead', album: 'Pablo Honey' },
  { title: 'Paranoid Android', artist: 'Radiohead', album: 'OK Computer' },
  { title: 'Halo', artist: 'Beyoncé', album: 'I Am... Sasha Fierce' },
  { title: 'Love Song', artist: 'The Cure', album: 'Disintegration' },
];

let routed: RoutedSearch | undefined;
afterEach(async () => {
  await routed?.stop();
  routed = undefined;
});

async function library() {
  const store = await testStore();
  await seedSongs(store, LIBRARY);
  const local = { catalog: createCatalogService({ db: store.db }), albumLists: createAlbumListService({ db: store.db }), browse: createBrowseService({ db: store.db }) };
  routed = routeSearches(local);
  return { store, local, routed };
}

const page = { limit: 20, offset: 0 };

// SQLite only: the threads open the database file read-only (PostgreSQL's own pool runs queries side by side).
describe('search workers (tunes serve)', () => {
  it('answer exactly what the server thread answers: searches, typos, counts, album and artist search, lists', async () => {
    const { store, local: same, routed: pooled } = await library();
    await pooled.start({ path: store.path, size: 2, cacheKib: 2000 });
    for (const query of ['radiohead', 'radiohaed', 'love', 'beyonse', 'zzz']) {
      expect(await pooled.catalog.listSongs({ query })).toEqual(await same.catalog.listSongs({ query }));
      expect(await pooled.catalog.countMatching({ query })).toBe(await same.catalog.countMatching({ query }));
      expect(await pooled.albumLists.searchAlbums(query, page)).toEqual(await same.albumLists.searchAlbums(query, page));
      expect(await pooled.albumLists.searchArtists(query, page)).toEqual(await same.albumLists.searchArtists(query, page));
    }
    expect((await pooled.catalog.listSongs({ query: 'radiohaed' })).songs.map((s) => s.title)).toEqual(['Creep', 'Paranoid Android']);
    expect((await pooled.albumLists.searchArtists('radiohaed', page)).map((a) => a.name)).toEqual(['Radiohead']);
    expect(await pooled.albumLists.albums({ kind: 'by_artist' }, page)).toEqual(await same.albumLists.albums({ kind: 'by_artist' }, page));
    expect(await pooled.catalog.listSongs({ limit: 2 })).toEqual(await same.catalog.listSongs({ limit: 2 }));
    expect(await pooled.browse.albums({ limit: 3, offset: 0, sort: 'added' })).toEqual(await same.browse.albums({ limit: 3, offset: 0, sort: 'added' }));
  });

  it('see a write committed on the server thread at once', async () => {
    const { store, routed } = await library();
    await routed.start({ path: store.path, size: 2, cacheKib: 2000 });
    expect((await routed.catalog.listSongs({ query: 'karma police' })).songs).toEqual([]);
    await seedSongs(store, [{ title: 'Karma Police', artist: 'Radiohead', album: 'OK Computer' }]);
    expect((await routed.catalog.listSongs({ query: 'karma police' })).songs.map((s) => s.title)).toEqual(['Karma Police']);
  });

  it('hand back a bad request as the same TunesError, and keep answering', async () => {
    const { store, routed } = await library();
    await routed.start({ path: store.path, size: 1, cacheKib: 2000 });
    const refused = await routed.catalog.listSongs({ query: 'love', limit: 0 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(TunesError);
    expect(refused).toMatchObject({ code: 'invalid_input', message: 'limit must be a whole number from 1 to 1000' });
    const badPage = await routed.albumLists.searchAlbums('love', { limit: 0, offset: 0 }).catch((error: unknown) => error);
    expect(badPage).toMatchObject({ code: 'invalid_input' });
    expect((await routed.catalog.listSongs({ query: 'love' })).songs.map((s) => s.title)).toEqual(['Love Song']);
  });

  it('run many searches at once across the threads, each answered with its own result', async () => {
    const { store, routed } = await library();
    await routed.start({ path: store.path, size: 3, cacheKib: 2000 });
    const queries = Array.from({ length: 60 }, (_, i) => ['creep', 'halo', 'love', 'android'][i % 4]!);
    const titles = await Promise.all(queries.map(async (query) => (await routed.catalog.listSongs({ query })).songs.map((s) => s.title)));
    expect(titles.slice(0, 4)).toEqual([['Creep'], ['Halo'], ['Love Song'], ['Paranoid Android']]);
    expect(titles.every((found, i) => found.join() === titles[i % 4]!.join())).toBe(true);
  });

  it('refuse calls once stopped, and search in the server thread again', async () => {
    const { store, routed } = await library();
    await routed.start({ path: store.path, size: 1, cacheKib: 2000 });
    await routed.stop();
    expect((await routed.catalog.listSongs({ query: 'creep' })).songs.map((s) => s.title)).toEqual(['Creep']);
  });
});

describe('a search thread that dies', () => {
  it('fails only the calls it held, and a new thread answers the next ones', async () => {
    const { store } = await library();
    const pool = await startSearchPool({ path: store.path, size: 1, cacheKib: 2000 });
    try {
      // A method the thread does not know throws outside any call's handler: the thread dies of it.
      const lost = await pool.call('noSuchMethod' as 'listSongs', { query: 'creep' }).catch((error: unknown) => error);
      expect(String(lost)).toContain('a search worker stopped');
      expect((await pool.call('listSongs', { query: 'creep' })).songs.map((s) => s.title)).toEqual(['Creep']);
    } finally {
      await pool.close();
    }
    await expect(pool.call('listSongs', { query: 'creep' })).rejects.toThrow('stopped');
  });
});
