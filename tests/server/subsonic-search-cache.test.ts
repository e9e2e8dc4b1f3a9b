import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { createSearchCache } from '../../src/server/subsonic/search-cache.js';
import { subsonicServer } from '../helpers/subsonic-server.js';

describe('search3 result cache', () => {
  it('answers a repeated search without searching again, and searches again after any write, here or in another process', async () => {
    const { byKey, server } = await subsonicServer();
    let searches = 0;
    const original = server.services.catalog.listSongs;
    server.services.catalog.listSongs = async (...args) => {
      searches++;
      return original(...args);
    };
    const titles = async (query: string) => ((await byKey.search3({ query })).searchResult3.song ?? []).map((song) => song.title);
    expect(await titles('hunter')).toEqual(['Hunter']);
    expect(await titles('hunter')).toEqual(['Hunter']);
    expect(searches).toBe(1);
    // Other offsets are other answers.
    await byKey.search3({ query: 'hunter', songOffset: 1 });
    expect(searches).toBe(2);

    // Another connection (a `tunes` command, another server) renames the song: seen at once.
    const other = await openDatabase(server.store.location);
    try {
      await other.db.updateTable('songs').set({ title: 'Hunter (Live)' }).where('title', '=', 'Hunter').execute();
    } finally {
      await other.close();
    }
    expect(await titles('hunter')).toEqual(['Hunter (Live)']);

    // A star through this server is a write too, and stars are each caller's: the next answer shows it.
    const hunter = (await byKey.search3({ query: 'hunter' })).searchResult3.song![0]!;
    expect(hunter.starred).toBeUndefined();
    await byKey.star({ id: hunter.id });
    expect((await byKey.search3({ query: 'hunter' })).searchResult3.song![0]!.starred).toBeDefined();
  });

  it('keeps at most its bound, dropping the least recently used', async () => {
    const cache = createSearchCache<number>(2);
    let finds = 0;
    const get = (key: string) => cache.get(key, 'm', async () => ++finds);
    await get('a');
    await get('b');
    await get('a');
    await get('c'); // drops b, the least recently used
    expect(finds).toBe(3);
    await get('a');
    expect(finds).toBe(3);
    await get('b');
    expect(finds).toBe(4);
    await cache.get('a', 'changed', async () => ++finds);
    expect(finds).toBe(5);
  });
});
