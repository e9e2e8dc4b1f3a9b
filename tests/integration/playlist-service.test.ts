import { describe, expect, it } from 'vitest';
import { errorOf, playlistSetup } from '../helpers/playlist-setup.js';
import { seedSongs } from '../helpers/seed-songs.js';

/** The user's own playlists: the built-in smart ones every user has are tested in smart-playlists.test.ts. */
const OWN = { builtIns: false };

async function positionsIn(store: Awaited<ReturnType<typeof playlistSetup>>['store'], playlistId: number) {
  return store.db.selectFrom('playlist_songs').select(['position', 'song_id']).where('playlist_id', '=', playlistId).orderBy('position').execute();
}

describe('playlist service', () => {
  it('creates playlists with trimmed names unique per user regardless of case', async () => {
    const { playlists, alice, bob } = await playlistSetup();
    const created = await playlists.create(alice.id, '  Road Trip  ', { description: 'summer' });
    expect(created).toMatchObject({ name: 'Road Trip', description: 'summer', song_count: 0, duration_ms: 0 });
    expect(await errorOf(playlists.create(alice.id, 'road trip'))).toBe(
      'conflict: you already have a playlist named "Road Trip" (the same name as "road trip")',
    );
    expect(await errorOf(playlists.create(alice.id, 'ROAD TRIP '))).toMatch(/^conflict:/);
    // case folding beyond ASCII
    await playlists.create(alice.id, 'Été');
    expect(await errorOf(playlists.create(alice.id, 'éTÉ'))).toMatch(/^conflict:/);
    // accents, typographic quotes and runs of spaces too, like every other name
    expect(await errorOf(playlists.create(alice.id, 'ete'))).toMatch(/^conflict: .*"Été"/);
    await playlists.create(alice.id, 'Don’t  Stop');
    expect(await errorOf(playlists.create(alice.id, "don't stop"))).toMatch(/^conflict:/);
    expect((await playlists.get(alice.id, "DON'T STOP")).name).toBe('Don’t  Stop');
    // another user may use the same name
    await expect(playlists.create(bob.id, 'road trip')).resolves.toMatchObject({ name: 'road trip' });
  });

  it('lists playlists in the order people read names: accents beside their letter, numbers by value', async () => {
    const { playlists, alice } = await playlistSetup();
    for (const name of ['zzz', 'Ünïcødé', 'apple', 'Playlist 10', 'Playlist 2', 'Ulysses']) await playlists.create(alice.id, name);
    expect((await playlists.list(alice.id, OWN)).map((p) => p.name)).toEqual(['apple', 'Playlist 2', 'Playlist 10', 'Ulysses', 'Ünïcødé', 'zzz']);
  });

  it('enforces the name rules', async () => {
    const { playlists, alice } = await playlistSetup();
    expect(await errorOf(playlists.create(alice.id, '   '))).toBe('invalid_input: playlist name must not be blank');
    expect(await errorOf(playlists.create(alice.id, ''))).toBe('invalid_input: playlist name must not be blank');
    expect(await errorOf(playlists.create(alice.id, 'x'.repeat(101)))).toMatch(/^invalid_input: playlist name must be 1-100 characters/);
    expect(await errorOf(playlists.create(alice.id, 'two\nlines'))).toMatch(/^invalid_input: .*control characters/);
    await expect(playlists.create(alice.id, 'x'.repeat(100))).resolves.toBeTruthy();
    await expect(playlists.create(alice.id, `  ${'é'.repeat(100)}  `)).resolves.toBeTruthy();
    const p = await playlists.create(alice.id, 'ok');
    expect(await errorOf(playlists.rename(alice.id, 'ok', ' '))).toBe('invalid_input: playlist name must not be blank');
    expect((await playlists.get(alice.id, String(p.id))).name).toBe('ok');
  });

  it('adds songs in order, at a position, and says when a song was already there', async () => {
    const { playlists, alice, store } = await playlistSetup();
    const [a, b, c, d] = await seedSongs(store, [{ duration_ms: 1000 }, { duration_ms: 2000 }, { duration_ms: 3000 }, {}]);
    const p = await playlists.create(alice.id, 'Mix');
    const first = await playlists.addSongs(alice.id, 'mix', [a!.id, b!.id]);
    expect(first.added).toEqual([{ position: 1, song_id: a!.id }, { position: 2, song_id: b!.id }]);
    expect(first.already_present).toEqual([]);
    expect(first.playlist).toMatchObject({ song_count: 2, duration_ms: 3000 });

    const inserted = await playlists.addSongs(alice.id, String(p.id), [c!.id, a!.id], { at: 2 });
    expect(inserted.added).toEqual([{ position: 2, song_id: c!.id }, { position: 3, song_id: a!.id }]);
    expect(inserted.already_present).toEqual([a!.id]);
    expect((await positionsIn(store, p.id)).map((r) => r.song_id)).toEqual([a!.id, c!.id, a!.id, b!.id]);
    expect((await positionsIn(store, p.id)).map((r) => r.position)).toEqual([1, 2, 3, 4]);

    await playlists.addSongs(alice.id, 'MIX', [d!.id], { at: 5 });
    expect(await errorOf(playlists.addSongs(alice.id, 'mix', [d!.id], { at: 7 }))).toBe(
      'invalid_input: insert position 7 is out of range (expected 1-6)',
    );
    expect(await errorOf(playlists.addSongs(alice.id, 'mix', [d!.id], { at: 0 }))).toMatch(/^invalid_input/);
    expect(await errorOf(playlists.addSongs(alice.id, 'mix', [d!.id, 9999, 8888]))).toBe('not_found: no song with id 9999, 8888');
    expect(await errorOf(playlists.addSongs(alice.id, 'mix', []))).toBe('usage: give at least one song id');
    expect(await errorOf(playlists.addSongs(alice.id, 'mix', [-1]))).toBe('invalid_input: not a valid song id: -1');
    // failed adds changed nothing
    expect((await playlists.get(alice.id, 'mix')).song_count).toBe(5);
  });

  it('shows entries with songs whose file went missing marked unavailable', async () => {
    const { playlists, alice, store } = await playlistSetup();
    const [a, b] = await seedSongs(store, [{ title: 'Here' }, { title: 'Gone', missing_since: '2026-02-01T00:00:00.000Z' }]);
    await playlists.create(alice.id, 'P');
    await playlists.addSongs(alice.id, 'p', [a!.id, b!.id]);
    const detail = await playlists.show(alice.id, 'p');
    expect(detail.entries.map((e) => [e.position, e.song.title, e.available])).toEqual([
      [1, 'Here', true],
      [2, 'Gone', false],
    ]);
  });

  it('removes positions and moves entries keeping positions 1..n', async () => {
    const { playlists, alice, store } = await playlistSetup();
    const songs = await seedSongs(store, [{}, {}, {}, {}, {}, {}]);
    const ids = songs.map((s) => s.id);
    const p = await playlists.create(alice.id, 'P');
    await playlists.addSongs(alice.id, 'p', ids);

    const removed = await playlists.removePositions(alice.id, 'p', [5, 2, 2]);
    expect(removed.removed.map((e) => e.song.id)).toEqual([ids[1], ids[4]]);
    expect(await positionsIn(store, p.id)).toEqual([
      { position: 1, song_id: ids[0] },
      { position: 2, song_id: ids[2] },
      { position: 3, song_id: ids[3] },
      { position: 4, song_id: ids[5] },
    ]);
    expect(await errorOf(playlists.removePositions(alice.id, 'p', [1, 5]))).toBe(
      'invalid_input: position 5 is out of range (expected 1-4)',
    );
    expect((await positionsIn(store, p.id)).length).toBe(4);

    const down = await playlists.move(alice.id, 'p', 1, 3);
    expect(down.entry).toMatchObject({ position: 3 });
    expect(down.entry.song.id).toBe(ids[0]);
    expect((await positionsIn(store, p.id)).map((r) => r.song_id)).toEqual([ids[2], ids[3], ids[0], ids[5]]);
    await playlists.move(alice.id, 'p', 4, 1);
    expect((await positionsIn(store, p.id)).map((r) => r.song_id)).toEqual([ids[5], ids[2], ids[3], ids[0]]);
    expect((await positionsIn(store, p.id)).map((r) => r.position)).toEqual([1, 2, 3, 4]);
    await playlists.move(alice.id, 'p', 2, 2);
    expect(await errorOf(playlists.move(alice.id, 'p', 0, 2))).toBe('invalid_input: from position 0 is out of range (expected 1-4)');
    expect(await errorOf(playlists.move(alice.id, 'p', 1, 5))).toBe('invalid_input: to position 5 is out of range (expected 1-4)');
    const empty = await playlists.create(alice.id, 'Empty');
    expect(await errorOf(playlists.removePositions(alice.id, String(empty.id), [1]))).toBe(
      'invalid_input: position 1 is out of range (the playlist is empty)',
    );
  });

  it('renames (case-only change allowed, clash refused) and deletes', async () => {
    const { playlists, alice, clock } = await playlistSetup();
    const p = await playlists.create(alice.id, 'Old');
    await playlists.create(alice.id, 'Other');
    clock.advance(60_000);
    const renamed = await playlists.rename(alice.id, 'old', 'New name');
    expect(renamed).toMatchObject({ id: p.id, name: 'New name', updated_at: '2026-03-01T12:01:00.000Z' });
    await expect(playlists.rename(alice.id, 'new name', 'NEW NAME')).resolves.toMatchObject({ name: 'NEW NAME' });
    expect(await errorOf(playlists.rename(alice.id, 'new name', 'other'))).toBe(
      'conflict: you already have a playlist named "Other" (the same name as "other")',
    );
    const deleted = await playlists.delete(alice.id, 'NEW name');
    expect(deleted.id).toBe(p.id);
    expect(await errorOf(playlists.get(alice.id, String(p.id)))).toBe(`not_found: no playlist "${p.id}"`);
    expect((await playlists.list(alice.id, OWN)).map((x) => x.name)).toEqual(['Other']);
  });

  it('lists playlists by name with song count, length and updated time', async () => {
    const { playlists, alice, bob, store, clock } = await playlistSetup();
    const [a, b] = await seedSongs(store, [{ duration_ms: 60_000 }, { duration_ms: null }]);
    await playlists.create(alice.id, 'zebra');
    await playlists.create(alice.id, 'Apple');
    clock.advance(5000);
    await playlists.addSongs(alice.id, 'zebra', [a!.id, b!.id, a!.id]);
    await playlists.create(bob.id, 'bobs');
    const list = await playlists.list(alice.id, OWN);
    expect(list.map((p) => [p.name, p.song_count, p.duration_ms, p.updated_at])).toEqual([
      ['Apple', 0, 0, '2026-03-01T12:00:00.000Z'],
      ['zebra', 3, 120_000, '2026-03-01T12:00:05.000Z'],
    ]);
  });

  it('resolves a name before an id, so a playlist called "1999" is found by name', async () => {
    const { playlists, alice } = await playlistSetup();
    const first = await playlists.create(alice.id, 'first');
    const numeric = await playlists.create(alice.id, String(first.id));
    expect((await playlists.get(alice.id, String(first.id))).id).toBe(numeric.id);
    // "2" is no playlist's name, so it is taken as the id of the one called "1"
    expect((await playlists.get(alice.id, String(numeric.id))).name).toBe(String(first.id));
    expect(await errorOf(playlists.get(alice.id, 'nope'))).toBe('not_found: no playlist "nope"');
  });

  it('never lets one user see or change another user\'s playlist: it answers like a missing one', async () => {
    const { playlists, alice, bob, store } = await playlistSetup();
    const [s] = await seedSongs(store, [{}]);
    const mine = await playlists.create(alice.id, 'Secret');
    await playlists.addSongs(alice.id, 'secret', [s!.id]);
    const id = String(mine.id);
    const missing = String(mine.id + 1000);
    const attempts: Array<(ref: string) => Promise<unknown>> = [
      (ref) => playlists.get(bob.id, ref),
      (ref) => playlists.show(bob.id, ref),
      (ref) => playlists.addSongs(bob.id, ref, [s!.id]),
      (ref) => playlists.removePositions(bob.id, ref, [1]),
      (ref) => playlists.move(bob.id, ref, 1, 1),
      (ref) => playlists.rename(bob.id, ref, 'Mine now'),
      (ref) => playlists.delete(bob.id, ref),
      (ref) => playlists.songsOf(bob.id, { kind: 'playlist', ref }),
      (ref) => playlists.export(bob.id, ref, 'm3u8'),
    ];
    for (const attempt of attempts) {
      expect(await errorOf(attempt(id))).toBe(`not_found: no playlist "${id}"`);
      expect(await errorOf(attempt(missing))).toBe(`not_found: no playlist "${missing}"`);
      expect(await errorOf(attempt('Secret'))).toBe('not_found: no playlist "Secret"');
    }
    expect(await playlists.list(bob.id, OWN)).toEqual([]);
    const still = await playlists.show(alice.id, id);
    expect(still.playlist).toMatchObject({ name: 'Secret', song_count: 1 });
  });

  it('gives the songs of a playlist or of Liked in play order', async () => {
    const { playlists, likes, alice, bob, store, clock } = await playlistSetup();
    const [a, b, c] = await seedSongs(store, [{}, {}, {}]);
    await playlists.create(alice.id, 'P');
    await playlists.addSongs(alice.id, 'p', [c!.id, a!.id]);
    const fromPlaylist = await playlists.songsOf(alice.id, { kind: 'playlist', ref: 'p' });
    expect(fromPlaylist.name).toBe('P');
    expect(fromPlaylist.songs.map((s) => s.id)).toEqual([c!.id, a!.id]);

    await likes.like(alice.id, [a!.id]);
    clock.advance(1000);
    await likes.like(alice.id, [b!.id, c!.id]);
    await likes.like(bob.id, [a!.id]);
    const liked = await playlists.songsOf(alice.id, { kind: 'liked' });
    expect(liked).toMatchObject({ name: 'Liked songs', playlistId: null });
    expect(liked.songs.map((s) => s.id)).toEqual([c!.id, b!.id, a!.id]);
    expect((await playlists.songsOf(bob.id, { kind: 'liked' })).songs.map((s) => s.id)).toEqual([a!.id]);
  });

  it('keeps positions dense when a song row is deleted from the library', async () => {
    const { playlists, alice, store } = await playlistSetup();
    const [a, b, c] = await seedSongs(store, [{}, {}, {}]);
    const p = await playlists.create(alice.id, 'P');
    const q = await playlists.create(alice.id, 'Q');
    await playlists.addSongs(alice.id, 'p', [a!.id, b!.id, c!.id, b!.id, a!.id]);
    await playlists.addSongs(alice.id, 'q', [b!.id]);
    await store.db.deleteFrom('songs').where('id', '=', b!.id).execute();
    expect(await positionsIn(store, p.id)).toEqual([
      { position: 1, song_id: a!.id },
      { position: 2, song_id: c!.id },
      { position: 3, song_id: a!.id },
    ]);
    expect(await positionsIn(store, q.id)).toEqual([]);
  });

  it('removes a user\'s playlists and likes with the user', async () => {
    const { playlists, likes, alice, store } = await playlistSetup();
    const [a] = await seedSongs(store, [{}]);
    await playlists.create(alice.id, 'P');
    await playlists.addSongs(alice.id, 'p', [a!.id]);
    await likes.like(alice.id, [a!.id]);
    await store.db.deleteFrom('users').where('id', '=', alice.id).execute();
    const count = async (table: 'playlists' | 'playlist_songs' | 'likes') =>
      (await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
    const counts = { p: await count('playlists'), s: await count('playlist_songs'), l: await count('likes') };
    expect(counts).toEqual({ p: 0, s: 0, l: 0 });
  });
});
