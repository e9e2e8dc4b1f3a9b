import { describe, expect, it } from 'vitest';
import { RuleSyntaxError } from '../../src/services/smart/rule-parser.js';
import { errorOf, playlistSetup } from '../helpers/playlist-setup.js';

async function thrown(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  return undefined;
}
import { seedSongs } from '../helpers/seed-songs.js';

const DAY = 86_400_000;

async function library() {
  const setup = await playlistSetup();
  const now = setup.clock.now().getTime();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
  const songs = await seedSongs(setup.store, [
    { title: 'So What', artist: 'Miles Davis', album: 'Kind of Blue', genre: 'Jazz', year: 1959, duration_ms: 562_000, added_at: at(400) },
    { title: 'Blue in Green', artist: 'Miles Davis', album: 'Kind of Blue', genre: 'Jazz', year: 1959, duration_ms: 337_000, added_at: at(400) },
    { title: 'Naima', artist: 'John Coltrane', album: 'Giant Steps', genre: 'Jazz', year: 1960, duration_ms: 261_000, added_at: at(3) },
    { title: 'Tutu', artist: 'Miles Davis', album: 'Tutu', genre: 'Jazz', year: 1986, duration_ms: 315_000, added_at: at(10) },
    { title: 'Jingle Bell Rock', artist: 'Bobby Helms', album: 'Xmas', genre: 'Christmas; Jazz', year: 1957, duration_ms: 130_000, added_at: at(1) },
    { title: 'Creep', artist: 'Radiohead', album: 'Pablo Honey', genre: 'Rock', year: 1993, duration_ms: 236_000, added_at: at(2) },
  ]);
  const id = (title: string) => songs.find((s) => s.title === title)!.id;
  const play = (title: string, daysAgo: number) =>
    setup.store.db.insertInto('plays').values({ user_id: setup.alice.id, song_id: id(title), started_at: at(daysAgo), ms_played: 60_000 }).execute();
  return { ...setup, songs, id, play, at };
}

const titlesOf = (detail: { entries: Array<{ song: { title: string } }> }) => detail.entries.map((e) => e.song.title);

describe('smart playlists', () => {
  it('"Jazz before 1970 I like" fills itself, and follows likes, plays and new songs', async () => {
    const { playlists, likes, alice, id, play, store } = await library();
    await likes.like(alice.id, [id('So What'), id('Naima'), id('Tutu'), id('Jingle Bell Rock')]);
    const created = await playlists.create(alice.id, 'Old jazz I like', { rules: 'genre:jazz year:<1970 liked -genre:christmas', sort: 'title' });
    expect(created.rules).toBe('genre:jazz year:<1970 liked -genre:christmas');
    expect(created.song_count).toBe(2);
    expect(titlesOf(await playlists.show(alice.id, 'old jazz i like'))).toEqual(['Naima', 'So What']);

    await likes.like(alice.id, [id('Blue in Green')]);
    expect(titlesOf(await playlists.show(alice.id, created.name))).toEqual(['Blue in Green', 'Naima', 'So What']);

    // A rescan brings a new song: it is there the next time the playlist is read.
    await seedSongs(store, [{ title: 'Moanin', artist: 'Art Blakey', album: 'Moanin', genre: 'Jazz', year: 1958 }]);
    const moanin = (await store.db.selectFrom('songs').select('id').where('title', '=', 'Moanin').executeTakeFirstOrThrow()).id;
    await likes.like(alice.id, [moanin]);
    const source = await playlists.songsOf(alice.id, { kind: 'playlist', ref: created.name });
    expect(source.songs.map((s) => s.title)).toEqual(['Blue in Green', 'Moanin', 'Naima', 'So What']);
    // and a song whose file went missing leaves it
    await store.db.updateTable('songs').set({ missing_since: new Date().toISOString() }).where('id', '=', moanin).execute();
    expect(titlesOf(await playlists.show(alice.id, created.name))).toEqual(['Blue in Green', 'Naima', 'So What']);

    await play('So What', 1);
    await play('So What', 2);
    await playlists.setRules(alice.id, created.name, { rules: 'artist:"miles davis" (plays:>1 or duration:<6m)', sort: '-year' });
    expect(titlesOf(await playlists.show(alice.id, created.name))).toEqual(['Tutu', 'So What', 'Blue in Green']);
  });

  it('ages, limits and sorts: added, played, plays, duration', async () => {
    const { playlists, alice, play } = await library();
    await play('Creep', 40);
    await play('Naima', 5);
    await play('Naima', 6);
    const recent = await playlists.create(alice.id, 'New', { rules: 'added:<14d', sort: '-added', limit: 3 });
    expect(titlesOf(await playlists.show(alice.id, recent.name))).toEqual(['Jingle Bell Rock', 'Creep', 'Naima']);
    const stale = await playlists.create(alice.id, 'Stale', { rules: 'played:>30d' });
    expect(titlesOf(await playlists.show(alice.id, stale.name))).toEqual(['Creep']);
    const most = await playlists.create(alice.id, 'Most', { rules: 'plays:>=1', sort: '-plays' });
    expect(titlesOf(await playlists.show(alice.id, most.name))).toEqual(['Naima', 'Creep']);
    const long = await playlists.create(alice.id, 'Long', { rules: 'duration:>5m', sort: 'duration' });
    expect(titlesOf(await playlists.show(alice.id, long.name))).toEqual(['Tutu', 'Blue in Green', 'So What']);
    const random = await playlists.create(alice.id, 'Shuffle', { rules: 'genre:jazz', sort: 'random' });
    expect(titlesOf(await playlists.show(alice.id, random.name)).sort()).toEqual(['Blue in Green', 'Jingle Bell Rock', 'Naima', 'So What', 'Tutu']);
  });

  it('refuses hand edits, bad rules, sorts and limits clearly', async () => {
    const { playlists, alice, id } = await library();
    await playlists.create(alice.id, 'Jazz', { rules: 'genre:jazz' });
    const add = await errorOf(playlists.addSongs(alice.id, 'Jazz', [id('Creep')]));
    expect(add).toMatch(/^invalid_input: "Jazz" is a smart playlist/);
    expect(await errorOf(playlists.removePositions(alice.id, 'Jazz', [1]))).toMatch(/^invalid_input: /);
    expect(await errorOf(playlists.move(alice.id, 'Jazz', 1, 2))).toMatch(/^invalid_input: /);
    const bad = await thrown(playlists.create(alice.id, 'Bad', { rules: 'genre:jazz yeer:1960' }));
    expect(bad).toBeInstanceOf(RuleSyntaxError);
    expect((bad as RuleSyntaxError).column).toBe(11);
    expect(await errorOf(playlists.create(alice.id, 'Bad', { rules: 'liked', sort: 'colour' }))).toMatch(/^invalid_input: /);
    expect(await errorOf(playlists.create(alice.id, 'Bad', { rules: 'liked', limit: 0 }))).toMatch(/^invalid_input: /);
    expect((await playlists.list(alice.id)).map((p) => p.name)).not.toContain('Bad');
    const plain = await playlists.create(alice.id, 'Mine');
    await playlists.addSongs(alice.id, plain.name, [id('Creep')]);
    expect(await errorOf(playlists.setRules(alice.id, 'Mine', { rules: 'liked' }))).toMatch(/^invalid_input: /);
  });

  it('every user has the built-ins, with their own likes and plays', async () => {
    const { playlists, likes, alice, bob, id, play } = await library();
    await likes.like(alice.id, [id('Creep'), id('Naima')]);
    await play('Creep', 100);
    await play('Naima', 10);
    await play('Naima', 11);
    expect((await playlists.list(alice.id, { builtIns: false })).map((p) => p.name)).toEqual([]);
    // Listed by default, after the user's own playlists.
    await playlists.create(alice.id, 'zebra');
    const names = (await playlists.list(alice.id)).map((p) => p.name);
    expect(names).toEqual(['zebra', 'Forgotten favourites', 'Most played', 'Never played', 'Recently added']);
    expect(titlesOf(await playlists.show(alice.id, 'Forgotten favourites'))).toEqual(['Creep']);
    expect(titlesOf(await playlists.show(alice.id, 'Most played'))).toEqual(['Naima', 'Creep']);
    expect((await playlists.show(alice.id, 'Never played')).entries).toHaveLength(4);
    expect(titlesOf(await playlists.show(alice.id, 'Recently added')).slice(0, 2)).toEqual(['Jingle Bell Rock', 'Creep']);
    expect((await playlists.show(bob.id, 'Never played')).entries).toHaveLength(6);
    expect((await playlists.show(bob.id, 'Most played')).entries).toHaveLength(0);
    expect(await errorOf(playlists.delete(alice.id, 'Most played'))).toMatch(/^invalid_input: /);
    expect(await errorOf(playlists.setRules(alice.id, 'Most played', { rules: 'liked' }))).toMatch(/^invalid_input: /);
    // listed twice: still one of each
    expect((await playlists.list(alice.id)).filter((p) => p.built_in !== null)).toHaveLength(4);
  });
});
