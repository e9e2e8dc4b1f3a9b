import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/db/open.js';
import { createAlbumListService } from '../../src/services/browse/album-lists.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { testDatabase } from '../helpers/test-store.js';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

/**
 * 600 songs of one big album come first in the index; an album and an artist that match the same
 * word come after them. Search looked at the first 500 matching songs only and missed both.
 */
async function bigAlbumFirst() {
  store = await testDatabase();
  const big = Array.from({ length: 600 }, (_, i) => ({ artist: 'Love Unlimited', album: 'Love Box', title: `Part ${i + 1}`, track_no: i + 1 }));
  await seedSongs(store, [...big, { artist: 'Loveless', album: 'Love Later', title: 'Only One' }]);
  return createAlbumListService({ db: store.db });
}

describe('album and artist search (search3)', () => {
  it('finds albums past the first few hundred matching songs, in first-match order', async () => {
    const lists = await bigAlbumFirst();
    expect((await lists.searchAlbums('love', { limit: 20, offset: 0 })).map((album) => album.title)).toEqual(['Love Box', 'Love Later']);
    expect((await lists.searchAlbums('love', { limit: 1, offset: 1 })).map((album) => album.title)).toEqual(['Love Later']);
    expect(await lists.searchAlbums('love', { limit: 20, offset: 2 })).toEqual([]);
  });

  it('finds artists past the first few hundred matching songs, keeping only those whose own name matches', async () => {
    const lists = await bigAlbumFirst();
    expect((await lists.searchArtists('love', { limit: 20, offset: 0 })).map((artist) => artist.name)).toEqual(['Love Unlimited', 'Loveless']);
    expect((await lists.searchArtists('loveless', { limit: 20, offset: 0 })).map((artist) => artist.name)).toEqual(['Loveless']);
    expect((await lists.searchArtists('love', { limit: 5, offset: 1 })).map((artist) => artist.name)).toEqual(['Loveless']);
  });
});

describe('album and artist search forgives typos (search3)', () => {
  it('finds an artist and an album by a misspelt word, only when the word as typed matches nothing', async () => {
    store = await testDatabase();
    await seedSongs(store, [
      { artist: 'Radiohead', album: 'Pablo Honey', title: 'Creep' },
      { artist: 'Beyoncé', album: 'Lemonade', title: 'Hold Up' },
    ]);
    const lists = createAlbumListService({ db: store.db });
    const page = { limit: 20, offset: 0 };
    expect((await lists.searchArtists('radiohaed', page)).map((artist) => artist.name)).toEqual(['Radiohead']);
    expect((await lists.searchArtists('beyonse', page)).map((artist) => artist.name)).toEqual(['Beyoncé']);
    expect((await lists.searchAlbums('lemonaed', page)).map((album) => album.title)).toEqual(['Lemonade']);
    expect((await lists.searchAlbums('pablo honye', page)).map((album) => album.title)).toEqual(['Pablo Honey']);
    // A wrong first letter is not one typo; a word that matches as typed is never corrected.
    expect(await lists.searchArtists('xadiohead', page)).toEqual([]);
    expect(await lists.searchAlbums('creep', page)).toEqual([]);
  });
});

describe('album and artist search joins words across marks (search3)', () => {
  it('finds AC/DC by acdc and R.E.M. by rem, as song search does, but not an album whose song title holds the word', async () => {
    store = await testDatabase();
    await seedSongs(store, [
      { artist: 'AC/DC', album: 'Back in Black', title: 'Hells Bells' },
      { artist: 'Tribute Band', album: 'Covers', title: 'AC/DC Medley' },
      { artist: 'R.E.M.', album: 'Out of Time', title: 'Losing My Religion' },
      { artist: 'Various', album: "Rock'n'Roll Nights", title: 'Opener' },
    ]);
    const lists = createAlbumListService({ db: store.db });
    const page = { limit: 20, offset: 0 };
    expect((await lists.searchArtists('acdc', page)).map((artist) => artist.name)).toEqual(['AC/DC']);
    expect((await lists.searchAlbums('acdc', page)).map((album) => album.title)).toEqual(['Back in Black']);
    expect((await lists.searchArtists('rem', page)).map((artist) => artist.name)).toEqual(['R.E.M.']);
    expect((await lists.searchAlbums('acdc back', page)).map((album) => album.title)).toEqual(['Back in Black']);
    expect((await lists.searchAlbums('rocknroll', page)).map((album) => album.title)).toEqual(["Rock'n'Roll Nights"]);
    // The parts as written still match in the plain stage.
    expect((await lists.searchArtists('ac dc', page)).map((artist) => artist.name)).toEqual(['AC/DC']);
    expect(await lists.searchAlbums('acdc creep', page)).toEqual([]);
  });
});
