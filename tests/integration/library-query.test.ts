import { describe, expect, it } from 'vitest';
import { ensureLibraryRoot } from '../../src/db/repositories/library-roots.js';
import { createLibraryQueryService } from '../../src/services/library-query/library-query-service.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { testDatabase } from '../helpers/test-store.js';

async function library() {
  const store = await testDatabase();
  await seedSongs(store, [
    { path: '/m/Owls/Night/1.ogg', title: 'Midnight', artist: 'Owls', album: 'Night', duration_ms: 1000, added_at: '2026-01-01T00:00:00.000Z' },
    { path: '/m/Hits/1.ogg', title: 'Hit One', artist: 'Band A', album: 'Hits', album_artist: 'Various', genre: 'Pop', duration_ms: 2000, added_at: '2026-02-01T00:00:00.000Z' },
    { path: '/m/Hits/2.ogg', title: 'Hit Two', artist: 'band b', album: 'Hits', album_artist: 'Various', genre: 'Pop', duration_ms: 3000, added_at: '2026-03-01T00:00:00.000Z' },
    { path: '/m/Gone/1.ogg', title: 'Gone', artist: 'Ghost', album: 'Gone', missing_since: '2026-04-01T00:00:00.000Z' },
  ]);
  await ensureLibraryRoot(store.db, '/m', '2026-01-01T00:00:00.000Z');
  return createLibraryQueryService({ db: store.db });
}

describe('the library query service (what the MPD bridge reads)', () => {
  it('lists tag values with the album artist falling back to the artist, and totals, leaving missing songs out', async () => {
    const query = await library();
    const sorted = (rows: unknown[][]) => rows.map((row) => JSON.stringify(row)).sort();
    const all = async (fields: Parameters<typeof query.tagValuesSlice>[0]) => sorted((await query.tagValuesSlice(fields, 0, 100)).rows);
    expect(await all(['album_artist', 'album'])).toEqual(sorted([['Owls', 'Night'], ['Various', 'Hits']]));
    expect(await all(['artist'])).toEqual(sorted([['Band A'], ['band b'], ['Owls']]));
    expect(await all(['genre'])).toEqual(sorted([[''], ['Pop']]));
    expect(await all(['year'])).toEqual(sorted([[null]]));
    expect(await query.totals()).toEqual({ songs: 3, artists: 3, albums: 3, duration_ms: 6000, last_added_at: '2026-03-01T00:00:00.000Z' });
  });

  it('gives tag values a slice of song ids at a time, saying where the next slice starts, until the last song', async () => {
    const query = await library();
    // Song ids 1..4 (the fourth is missing): one id per slice.
    const slices = [];
    for (let after: number | undefined = 0; after !== undefined; ) {
      const slice = await query.tagValuesSlice(['artist', 'album'], after, 1);
      slices.push(slice.rows);
      after = slice.next;
    }
    expect(slices).toEqual([[['Owls', 'Night']], [['Band A', 'Hits']], [['band b', 'Hits']], []]);
    expect(await query.tagValuesSlice(['album_artist'], 1, 2)).toEqual({ rows: [['Various']], next: 3 });
    expect(await query.tagValuesSlice(['artist'], 3, 10)).toEqual({ rows: [], next: undefined });
    await expect(query.tagValuesSlice([], 0, 10)).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('lists a folder, finds by path, whole tags and word starts, and refuses a folder with too many songs of its own', async () => {
    const query = await library();
    expect(await query.roots()).toEqual(['/m']);
    const top = await query.folder('/m', 10);
    expect(top.folders).toEqual(['/m/Hits', '/m/Owls']);
    expect((await query.folder('/m/Hits', 10)).songs.map((s) => s.title)).toEqual(['Hit One', 'Hit Two']);
    await expect(query.folder('/m/Hits', 1)).rejects.toMatchObject({ code: 'invalid_input' });
    expect((await query.songByPath('/m/Owls/Night/1.ogg'))?.title).toBe('Midnight');
    expect(await query.songByPath('/m/Gone/1.ogg')).toBeUndefined();
    const titles = async (where: Parameters<typeof query.songs>[0]) => (await query.songs(where, { limit: 10 })).map((s) => s.title);
    expect(await titles({ equal: [{ field: 'artist', value: 'BAND B' }] })).toEqual(['Hit Two']);
    expect(await titles({ words: [{ field: 'title', words: 'hi' }] })).toEqual(['Hit One', 'Hit Two']);
    expect(await titles({ words: [{ words: 'midn' }] })).toEqual(['Midnight']);
    expect(await titles({ pathPrefix: '/m/Owls/' })).toEqual(['Midnight']);
    expect(await titles({ words: [{ words: '!!!' }] })).toEqual(['Hit One', 'Hit Two', 'Midnight']);
    expect((await query.songs({}, { limit: 1, afterPath: '/m/Hits/2.ogg' })).map((s) => s.title)).toEqual(['Midnight']);
  });

  it('lists one folder level from the path index: subfolders in path order, a sibling with a longer name apart, songs of its own', async () => {
    const store = await testDatabase();
    await seedSongs(store, [
      { path: '/m/A/x/1.ogg', title: 'Deep' },
      { path: '/m/A/x/2.ogg', title: 'Deep Two' },
      { path: '/m/A/y.ogg', title: 'Own' },
      { path: '/m/A/z/q/1.ogg', title: 'Deeper' },
      { path: '/m/A/w/1.ogg', title: 'Gone', missing_since: '2026-04-01T00:00:00.000Z' },
      { path: '/m/AB/1.ogg', title: 'Sibling' },
      { path: '/m/A.ogg', title: 'Beside' },
    ]);
    await ensureLibraryRoot(store.db, '/m', '2026-01-01T00:00:00.000Z');
    const query = createLibraryQueryService({ db: store.db });
    expect(await query.folder('/m', 10)).toMatchObject({ folders: ['/m/A', '/m/AB'], songs: [{ title: 'Beside' }] });
    const a = await query.folder('/m/A', 10);
    expect(a.folders).toEqual(['/m/A/x', '/m/A/z']);
    expect(a.songs.map((s) => s.title)).toEqual(['Own']);
    expect(await query.folder('/m/A/z', 10)).toEqual({ folders: ['/m/A/z/q'], songs: [] });
  });
});
