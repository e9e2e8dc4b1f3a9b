import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { createSearchCache } from '../../src/server/subsonic/search-cache.js';
import { createReplyCache } from '../../src/server/subsonic/reply-cache.js';
import { parseXml, subsonicServer } from '../helpers/subsonic-server.js';

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

  it('sends a repeated call the bytes it sent before, per user and format, until anything is written', async () => {
    const { server, admin, rest } = await subsonicServer();
    let starReads = 0;
    const original = server.services.stars.starTimes;
    server.services.stars.starTimes = async (...args) => {
      starReads++;
      return original(...args);
    };
    const adminKey = (await server.services.appKeys.create(admin.id, 'desk')).key;
    const json = async (params: Record<string, string>, auth?: Record<string, string>) => {
      const response = await rest('search3', { f: 'json', query: 'hunter', ...params }, auth);
      return (await response.json()) as { 'subsonic-response': { searchResult3: { song?: Array<{ id: string; starred?: string }> } } };
    };
    const first = await json({});
    // A repeat comes whole from the reply cache: the user's stars are not even read again. (On
    // PostgreSQL the marker is the cluster's snapshot, which other tests' writes move: tried a few times.)
    let kept = false;
    for (let attempt = 0; attempt < 20 && !kept; attempt++) {
      const before = starReads;
      expect(await json({})).toEqual(first);
      kept = starReads === before;
    }
    expect(kept).toBe(true);
    // Another format is another answer, and still a right one.
    const beforeXml = starReads;
    const xml = parseXml(await (await rest('search3', { query: 'hunter' })).text());
    expect(xml['subsonic-response'].searchResult3.song[0]['@title']).toBe('Hunter');
    expect(starReads).toBe(beforeXml + 1);

    // Alice stars the song: her next answer shows it, the admin's (another user, same question) does not.
    const song = first['subsonic-response'].searchResult3.song![0]!;
    await rest('star', { id: song.id });
    expect((await json({}))['subsonic-response'].searchResult3.song![0]!.starred).toBeDefined();
    expect((await json({}, { apiKey: adminKey }))['subsonic-response'].searchResult3.song![0]!.starred).toBeUndefined();
    expect((await json({}))['subsonic-response'].searchResult3.song![0]!.starred).toBeDefined();
  });

  it('never sends a random album list twice, and keeps the others', async () => {
    const { server, rest } = await subsonicServer();
    let lists = 0;
    const original = server.services.albumLists.albums;
    server.services.albumLists.albums = async (...args) => {
      lists++;
      return original(...args);
    };
    for (let i = 0; i < 3; i++) await rest('getAlbumList2', { f: 'json', type: 'random' });
    expect(lists).toBe(3);
    await rest('getAlbumList2', { f: 'json', type: 'alphabeticalByArtist' });
    expect(lists).toBe(4);
    // The same list again is kept (a few tries: on PostgreSQL other tests' writes move the marker).
    let kept = false;
    for (let attempt = 0; attempt < 20 && !kept; attempt++) {
      const before = lists;
      await rest('getAlbumList2', { f: 'json', type: 'alphabeticalByArtist' });
      kept = lists === before;
    }
    expect(kept).toBe(true);
  });

  it('keeps answers within its entry and byte bounds, least recently used out first', () => {
    const cache = createReplyCache({ maxEntries: 3, maxBytes: 10 });
    const reply = (size: number) => ({ contentType: 'text/plain', body: Buffer.alloc(size) });
    expect(cache.get('a', 'm')).toBeUndefined();
    cache.set('a', 'm', reply(4));
    cache.set('b', 'm', reply(4));
    expect(cache.get('a', 'm')).toBeDefined();
    cache.set('c', 'm', reply(4)); // 12 bytes: b, the least recently used, goes
    expect(cache.get('b', 'm')).toBeUndefined();
    expect(cache.get('a', 'm')).toBeDefined();
    expect(cache.get('c', 'm')).toBeDefined();
    // Made under a marker that has moved on: not kept.
    cache.set('d', 'old', reply(1));
    expect(cache.get('d', 'm')).toBeUndefined();
    // A new marker empties it.
    expect(cache.get('a', 'm2')).toBeUndefined();
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
