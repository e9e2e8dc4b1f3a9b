import { describe, expect, it } from 'vitest';
import { createBrowseService } from '../../src/services/browse/browse-service.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { testDatabase } from '../helpers/test-store.js';

describe('browse service', () => {
  it('lists album artists and albums folding case and accents, in name order, page by page, without missing songs', async () => {
    const store = await testDatabase();
    await seedSongs(store, [
      { artist: 'Nina Simone', album: 'Pastel Blues', year: 1965, path: '/m/nina/pastel/1.mp3' },
      { artist: 'nina simone', album: 'pastel blues', year: 1965, path: '/m/nina/pastel/2.mp3' },
      { artist: 'Nina Simone', album: 'Wild Is the Wind', year: 1966 },
      { artist: 'Air', album: 'Moon Safari', year: 1998 },
      { artist: 'Zz Gone', album: 'Lost', missing_since: '2026-01-01T00:00:00.000Z' },
    ]);
    const browse = createBrowseService({ db: store.db });

    expect(await browse.countArtists()).toBe(2);
    const artists = await browse.artists({ limit: 10, offset: 0 });
    expect(artists.map(({ name, album_count, song_count }) => ({ name, album_count, song_count }))).toEqual([
      { name: 'Air', album_count: 1, song_count: 1 },
      { name: 'Nina Simone', album_count: 2, song_count: 3 },
    ]);
    expect((await browse.artists({ limit: 1, offset: 1 })).map((a) => a.name)).toEqual(['Nina Simone']);

    expect(await browse.countAlbums()).toBe(3);
    const nina = await browse.albums({ artist: 'NINA SIMONE', limit: 10, offset: 0 });
    expect(nina.map(({ title, artist, year, song_count }) => ({ title, artist, year, song_count }))).toEqual([
      { title: 'Pastel Blues', artist: 'Nina Simone', year: 1965, song_count: 2 },
      { title: 'Wild Is the Wind', artist: 'Nina Simone', year: 1966, song_count: 1 },
    ]);
    expect(await browse.countAlbums({ artist: 'nina simone' })).toBe(2);
    expect((await browse.albums({ sort: 'year', limit: 10, offset: 0 })).map((a) => a.year)).toEqual([1965, 1966, 1998]);
  });

  it('rejects bad pages, sorts and ids', async () => {
    const store = await testDatabase();
    const browse = createBrowseService({ db: store.db });
    await expect(browse.artists({ limit: 0, offset: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(browse.albums({ limit: 10, offset: -1 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(browse.albums({ limit: 10, offset: 0, sort: 'size' as never })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(browse.album(99)).rejects.toMatchObject({ code: 'not_found' });
    await expect(browse.artist(0)).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
