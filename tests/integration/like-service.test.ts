import { describe, expect, it } from 'vitest';
import { errorOf, playlistSetup } from '../helpers/playlist-setup.js';
import { seedSongs } from '../helpers/seed-songs.js';

describe('like service', () => {
  it('likes, reports repeats, unlikes and lists newest first', async () => {
    const { likes, alice, store, clock } = await playlistSetup();
    const [a, b, c] = await seedSongs(store, [{ title: 'A' }, { title: 'B' }, { title: 'C', missing_since: '2026-01-01T00:00:00.000Z' }]);
    expect(await likes.like(alice.id, [a!.id, a!.id])).toEqual({ liked: [a!.id], already_liked: [] });
    clock.advance(1000);
    expect(await likes.like(alice.id, [b!.id, a!.id, c!.id])).toEqual({ liked: [b!.id, c!.id], already_liked: [a!.id] });
    const list = await likes.list(alice.id);
    // b and c share a time: the later like comes first; a keeps its first like time
    expect(list.map((e) => [e.song.title, e.liked_at, e.available])).toEqual([
      ['C', '2026-03-01T12:00:01.000Z', false],
      ['B', '2026-03-01T12:00:01.000Z', true],
      ['A', '2026-03-01T12:00:00.000Z', true],
    ]);
    expect(await likes.likedAmong(alice.id, [a!.id, 12345])).toEqual(new Set([a!.id]));
    expect(await likes.unlike(alice.id, [b!.id, b!.id, 777])).toEqual({ unliked: [b!.id], not_liked: [777] });
    expect((await likes.list(alice.id)).map((e) => e.song.title)).toEqual(['C', 'A']);
  });

  it('rejects unknown songs without liking any of the others', async () => {
    const { likes, alice, store } = await playlistSetup();
    const [a] = await seedSongs(store, [{}]);
    expect(await errorOf(likes.like(alice.id, [a!.id, 4040]))).toBe('not_found: no song with id 4040');
    expect(await likes.list(alice.id)).toEqual([]);
    expect(await errorOf(likes.like(alice.id, []))).toBe('usage: give at least one song id');
    expect(await errorOf(likes.unlike(alice.id, [0]))).toBe('invalid_input: not a valid song id: 0');
  });

  it('keeps each user\'s likes their own', async () => {
    const { likes, alice, bob, store } = await playlistSetup();
    const [a, b] = await seedSongs(store, [{}, {}]);
    await likes.like(alice.id, [a!.id]);
    await likes.like(bob.id, [b!.id]);
    expect(await likes.unlike(bob.id, [a!.id])).toEqual({ unliked: [], not_liked: [a!.id] });
    expect((await likes.list(alice.id)).map((e) => e.song.id)).toEqual([a!.id]);
    expect((await likes.list(bob.id)).map((e) => e.song.id)).toEqual([b!.id]);
    expect(await likes.likedAmong(bob.id, [a!.id, b!.id])).toEqual(new Set([b!.id]));
  });
});
