import { describe, expect, it } from 'vitest';
import { RANKED_CANDIDATES } from '../../src/services/catalog/catalog-service.js';
import { createCatalogService } from '../../src/services/catalog/catalog-service.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { testDatabase } from '../helpers/test-store.js';

async function catalogWith(songs: Parameters<typeof seedSongs>[1]) {
  const store = await testDatabase();
  const rows = await seedSongs(store, songs);
  return { store, rows, catalog: createCatalogService({ db: store.db }) };
}

const titles = (page: { songs: Array<{ title: string }> }) => page.songs.map((s) => s.title);

describe('catalog service: search', () => {
  it('matches every word as a prefix, ignoring case and diacritics, across tag fields', async () => {
    const { catalog } = await catalogWith([
      { title: 'Halo', artist: 'Beyoncé', album: 'I Am... Sasha Fierce' },
      { title: 'Hoppípolla', artist: 'Sigur Rós', album: 'Takk...', genre: 'Post-Rock' },
      { title: 'Glósóli', artist: 'Sigur Rós', album: 'Takk...' },
      { title: 'Teardrop', artist: 'Massive Attack', album: 'Mezzanine', album_artist: 'Various Artists' },
    ]);
    expect(titles(await catalog.listSongs({ query: 'beyonce' }))).toEqual(['Halo']);
    expect(titles(await catalog.listSongs({ query: 'BEYON' }))).toEqual(['Halo']);
    expect(titles(await catalog.listSongs({ query: 'sigur ros hopp' }))).toEqual(['Hoppípolla']);
    expect(titles(await catalog.listSongs({ query: 'glosoli' }))).toEqual(['Glósóli']);
    expect(titles(await catalog.listSongs({ query: 'post rock' }))).toEqual(['Hoppípolla']);
    expect(titles(await catalog.listSongs({ query: 'various' }))).toEqual(['Teardrop']);
    expect(titles(await catalog.listSongs({ query: 'sigur halo' }))).toEqual([]);
    expect(titles(await catalog.listSongs({ query: 'sasha "fierce' }))).toEqual(['Halo']);
    expect(titles(await catalog.listSongs({ query: 'NEAR AND OR' }))).toEqual([]);
    expect(titles(await catalog.listSongs({ query: '!!! ...' }))).toEqual([]);
  });

  it('ranks title and artist matches above album and genre matches', async () => {
    const { catalog } = await catalogWith([
      { title: 'Something Else', artist: 'Nobody', album: 'Love Songs' },
      { title: 'Other', artist: 'Someone', album: 'X', genre: 'Love' },
      { title: 'Love Story', artist: 'Taylor', album: 'Fearless' },
      { title: 'Song', artist: 'Love', album: 'Forever Changes' },
    ]);
    const ranked = titles(await catalog.listSongs({ query: 'love' }));
    expect(ranked.slice(0, 2).sort()).toEqual(['Love Story', 'Song']);
    expect(ranked.at(-1)).toBe('Other');
    expect(ranked).toHaveLength(4);
  });

  it('applies filters and an explicit sort to search results', async () => {
    const { catalog } = await catalogWith([
      { title: 'B Night', artist: 'Alpha', genre: 'Rock', year: 2001 },
      { title: 'A Night', artist: 'alpha', genre: 'Jazz', year: 1999 },
      { title: 'C Night', artist: 'Beta', genre: 'rock', year: 1990 },
    ]);
    expect(titles(await catalog.listSongs({ query: 'night', artist: 'ALPHA', sort: 'title' }))).toEqual(['A Night', 'B Night']);
    expect(titles(await catalog.listSongs({ query: 'night', genre: 'rock', sort: 'year' }))).toEqual(['C Night', 'B Night']);
    expect(titles(await catalog.listSongs({ query: 'nig', album: 'nope' }))).toEqual([]);
  });

  it('filters on whole tags, ignoring case and accents beyond ASCII', async () => {
    const { catalog } = await catalogWith([
      { title: 'Hoppípolla', artist: 'Sigur Rós', album: 'Takk...', genre: 'Post-Rock' },
      { title: 'Jóga', artist: 'Björk', album: 'Homogenic', genre: 'Post Rock' },
      { title: 'Solo', artist: 'Sigur', album: 'Rós' },
      { title: 'Thunderstruck', artist: 'AC/DC', album: 'The Razors Edge' },
      { title: 'Noise', artist: '!!!', album: 'Myth Takes' },
    ]);
    for (const artist of ['Sigur Rós', 'SIGUR RÓS', 'sigur ros']) {
      expect(titles(await catalog.listSongs({ artist })), artist).toEqual(['Hoppípolla']);
    }
    expect(titles(await catalog.listSongs({ artist: 'bjork' }))).toEqual(['Jóga']);
    expect(titles(await catalog.listSongs({ artist: 'BJÖRK', query: 'joga' }))).toEqual(['Jóga']);
    // Whole tags only: not a word of one, nor the same words written differently.
    expect(titles(await catalog.listSongs({ artist: 'Sigur' }))).toEqual(['Solo']);
    expect(titles(await catalog.listSongs({ artist: 'AC DC' }))).toEqual([]);
    expect(titles(await catalog.listSongs({ artist: 'ac/dc' }))).toEqual(['Thunderstruck']);
    expect(titles(await catalog.listSongs({ genre: 'post-rock' }))).toEqual(['Hoppípolla']);
    expect(titles(await catalog.listSongs({ album: 'takk...', sort: 'title' }))).toEqual(['Hoppípolla']);
    // A tag without letters or digits is compared as it is.
    expect(titles(await catalog.listSongs({ artist: '!!!' }))).toEqual(['Noise']);
    expect(titles(await catalog.listSongs({ artist: 'say "hi"' }))).toEqual([]);
    // FTS5 would end the phrase at a NUL: such a value must not turn into a query error.
    expect(titles(await catalog.listSongs({ artist: 'Sigur\u0000Rós' }))).toEqual([]);
  });

  it('pages a search past the ranked candidates without repeats or gaps (page and cursor)', async () => {
    const total = RANKED_CANDIDATES + 30;
    const { catalog } = await catalogWith(
      Array.from({ length: total }, (_, i) => ({ title: `Echo ${i}`, artist: i % 7 === 0 ? 'Echo Band' : 'Other' })),
    );
    const limit = 97;
    const byPage: number[] = [];
    for (let page = 1; ; page += 1) {
      const result = await catalog.listSongs({ query: 'echo', limit, page });
      byPage.push(...result.songs.map((s) => s.id));
      if (!result.nextCursor) break;
    }
    const byCursor: number[] = [];
    let cursor: string | undefined;
    do {
      const result = await catalog.listSongs({ query: 'echo', limit, cursor });
      byCursor.push(...result.songs.map((s) => s.id));
      cursor = result.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(byPage).size).toBe(total);
    expect(byCursor).toEqual(byPage);
    // Artist matches rank first inside the candidate window.
    const first = await catalog.listSongs({ query: 'echo', limit: 5 });
    expect(first.songs.every((s) => s.artist === 'Echo Band')).toBe(true);
  });
});

describe('catalog service: listing', () => {
  it('lists in artist/album/disc/track order and hides missing songs everywhere but getSong', async () => {
    const { store, rows, catalog } = await catalogWith([
      { title: 't2', artist: 'b', album: 'x', disc_no: 1, track_no: 2 },
      { title: 't1', artist: 'B', album: 'x', disc_no: 1, track_no: 1 },
      { title: 'd2', artist: 'b', album: 'x', disc_no: 2, track_no: 1 },
      { title: 'first', artist: 'a', album: 'z' },
      { title: 'gone', artist: 'a', album: 'z', missing_since: '2026-01-01T00:00:00.000Z' },
    ]);
    expect(titles(await catalog.listSongs())).toEqual(['first', 't1', 't2', 'd2']);
    expect(titles(await catalog.listSongs({ query: 'gone' }))).toEqual([]);
    expect(await catalog.countSongs()).toBe(4);
    const gone = rows[4]!;
    expect((await catalog.getSong(gone.id)).missing_since).not.toBeNull();
    await store.db.updateTable('songs').set({ missing_since: null }).where('id', '=', gone.id).execute();
    expect(titles(await catalog.listSongs({ query: 'gone' }))).toEqual(['gone']);
    await expect(catalog.getSong(9999)).rejects.toMatchObject({ code: 'not_found' });
    expect((await catalog.getSongs([rows[1]!.id, 9999, rows[0]!.id])).map((s) => s.title)).toEqual(['t1', 't2']);
  });

  it('keyset-pages every sort the same as offset paging, nulls included', async () => {
    const songs = Array.from({ length: 23 }, (_, i) => ({
      title: `T${i % 5}`,
      artist: `A${i % 3}`,
      album: `Al${i % 4}`,
      year: i % 4 === 0 ? null : 1990 + (i % 6),
      track_no: i % 5 === 0 ? null : i % 9,
      disc_no: i % 2 === 0 ? null : 1,
      duration_ms: i % 3 === 0 ? null : 1000 * (i % 7),
      added_at: new Date(Date.UTC(2026, 0, 1 + (i % 4))).toISOString(),
    }));
    const { catalog } = await catalogWith(songs);
    for (const sort of ['artist', 'album', 'title', 'year', 'added', 'duration'] as const) {
      const all = (await catalog.listSongs({ sort, limit: 1000 })).songs.map((s) => s.id);
      expect(all).toHaveLength(23);
      const viaCursor: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await catalog.listSongs({ sort, limit: 4, cursor });
        viaCursor.push(...page.songs.map((s) => s.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(viaCursor, sort).toEqual(all);
      const page2 = await catalog.listSongs({ sort, limit: 4, page: 2 });
      expect(page2.songs.map((s) => s.id)).toEqual(all.slice(4, 8));
    }
  });

  it('rejects bad limits, pages, sorts and cursors as invalid input', async () => {
    const { catalog } = await catalogWith([{ title: 'x' }]);
    await expect(catalog.listSongs({ limit: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(catalog.listSongs({ page: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(catalog.listSongs({ sort: 'nope' as never })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(catalog.listSongs({ cursor: 'garbage' })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
