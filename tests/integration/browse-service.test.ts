import { describe, expect, it } from 'vitest';
import { createBrowseService } from '../../src/services/browse/browse-service.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { testStore } from '../helpers/test-store.js';

describe('browse service', () => {
  it('groups artists and albums case-insensitively, in name order, page by page, without missing songs', async () => {
    const store = await testStore();
    await seedSongs(store, [
      { artist: 'Nina Simone', album: 'Pastel Blues', year: 1965 },
      { artist: 'nina simone', album: 'pastel blues', year: 1965 },
      { artist: 'Nina Simone', album: 'Wild Is the Wind', year: 1966 },
      { artist: 'Air', album: 'Moon Safari', year: 1998 },
      { artist: 'Zz Gone', album: 'Lost', missing_since: '2026-01-01T00:00:00.000Z' },
    ]);
    const browse = createBrowseService({ db: store.db });

    expect(await browse.countArtists()).toBe(2);
    expect(await browse.artists({ limit: 10, offset: 0 })).toEqual([
      { name: 'Air', albumCount: 1, songCount: 1 },
      { name: 'Nina Simone', albumCount: 2, songCount: 3 },
    ]);
    expect(await browse.artists({ limit: 1, offset: 1 })).toEqual([{ name: 'Nina Simone', albumCount: 2, songCount: 3 }]);

    expect(await browse.countAlbums()).toBe(3);
    expect(await browse.albums({ artist: 'NINA SIMONE', limit: 10, offset: 0 })).toEqual([
      { artist: 'Nina Simone', album: 'Pastel Blues', year: 1965, songCount: 2 },
      { artist: 'Nina Simone', album: 'Wild Is the Wind', year: 1966, songCount: 1 },
    ]);
    expect(await browse.countAlbums('nina simone')).toBe(2);
  });

  it('rejects bad pages', async () => {
    const store = await testStore();
    const browse = createBrowseService({ db: store.db });
    await expect(browse.artists({ limit: 0, offset: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(browse.albums({ limit: 10, offset: -1 })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
