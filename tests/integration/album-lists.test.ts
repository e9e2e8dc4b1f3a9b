import { describe, expect, it } from 'vitest';
import { createAuthService } from '../../src/services/auth/auth-service.js';
import { createAlbumListService } from '../../src/services/browse/album-lists.js';
import { fixedClock } from '../../src/services/clock.js';
import { createHistoryService } from '../../src/services/history/history-service.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { FAST_SCRYPT, testDatabase } from '../helpers/test-store.js';

/** Three albums of two genres (spelled in two cases), one song gone, and plays of one listener. */
async function setup() {
  const store = await testDatabase();
  const clock = fixedClock(new Date('2026-03-01T10:00:00Z'));
  const alice = (await createAuthService({ db: store.db, clock, scryptParams: FAST_SCRYPT }).register('alice', 'password one')).user;
  const songs = await seedSongs(store, [
    { artist: 'Owls', album: 'Night', title: 'N1', genre: 'Rock', year: 1999 },
    { artist: 'Owls', album: 'Night', title: 'N2', genre: 'rock', year: 1999 },
    { artist: 'Bats', album: 'Dusk', title: 'D1', genre: 'Jazz', year: 2005 },
    { artist: 'Ants', album: 'Dawn', title: 'A1', genre: 'ROCK', year: 2010 },
    { artist: 'Ants', album: 'Gone', title: 'G1', genre: 'Jazz', year: 2011, missing_since: '2026-01-01T00:00:00.000Z' },
  ]);
  const history = createHistoryService({ db: store.db });
  const play = (index: number, at: string) =>
    history.recordListen({ userId: alice.id, songId: songs[index]!.id, startedAt: new Date(at), msPlayed: 170_000, durationMs: 180_000 });
  await play(0, '2026-02-01T10:00:00Z');
  await play(1, '2026-02-01T10:05:00Z');
  await play(2, '2026-02-02T10:00:00Z');
  return { lists: createAlbumListService({ db: store.db }), alice, songs };
}

const titles = (albums: Array<{ title: string }>) => albums.map((a) => a.title);
const page = { limit: 10, offset: 0 };

describe('album lists and random songs (on both databases)', () => {
  it('lists albums by genre ignoring case, by year either way, by artist, recent and frequent plays', async () => {
    const { lists, alice } = await setup();
    expect(titles(await lists.albums({ kind: 'by_genre', genre: 'rock' }, page))).toEqual(['Dawn', 'Night']);
    expect(titles(await lists.albums({ kind: 'by_year', from: 2000, to: 2020 }, page))).toEqual(['Dusk', 'Dawn']);
    expect(titles(await lists.albums({ kind: 'by_year', from: 2020, to: 1990 }, page))).toEqual(['Dawn', 'Dusk', 'Night']);
    expect(titles(await lists.albums({ kind: 'by_artist' }, page))).toEqual(['Dawn', 'Dusk', 'Night']);
    expect(titles(await lists.albums({ kind: 'recent', userId: alice.id }, page))).toEqual(['Dusk', 'Night']);
    expect(titles(await lists.albums({ kind: 'frequent', userId: alice.id }, page))).toEqual(['Night', 'Dusk']);
    expect(titles(await lists.albums({ kind: 'frequent', userId: alice.id }, { limit: 1, offset: 1 }))).toEqual(['Dusk']);
    expect((await lists.albums({ kind: 'random' }, page)).map((a) => a.title).sort()).toEqual(['Dawn', 'Dusk', 'Night']);
  });

  it('counts genres as they are spelled, and picks random songs with or without a filter', async () => {
    const { lists } = await setup();
    expect(await lists.genres()).toEqual([
      { name: 'Jazz', song_count: 1, album_count: 1 },
      { name: 'ROCK', song_count: 1, album_count: 1 },
      { name: 'Rock', song_count: 1, album_count: 1 },
      { name: 'rock', song_count: 1, album_count: 1 },
    ]);
    expect((await lists.randomSongs(10, { genre: 'rock' })).map((s) => s.title).sort()).toEqual(['A1', 'N1', 'N2']);
    expect((await lists.randomSongs(10, { fromYear: 2000, toYear: 2010 })).map((s) => s.title).sort()).toEqual(['A1', 'D1']);
    expect((await lists.randomSongs(10)).map((s) => s.title).sort()).toEqual(['A1', 'D1', 'N1', 'N2']);
  });
});
