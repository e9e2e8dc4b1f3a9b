import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { startTestServer } from '../helpers/test-server.js';

interface LikeJson {
  liked_at: string;
  available: boolean;
  song: { id: number; title: string };
}

describe('likes over HTTP', () => {
  it('likes and unlikes songs per user, newest like first', async () => {
    const clock = fixedClock(new Date('2026-03-01T12:00:00Z'));
    const server = await startTestServer({ clock });
    const alice = await server.user('alice');
    const bob = await server.user('bob');
    const [one, two] = await seedSongs(server.store, [{ title: 'One' }, { title: 'Two' }]);

    const put = await server.call('PUT', `/api/songs/${one!.id}/like`, { token: alice.token });
    expect(put.status).toBe(200);
    expect(await put.json()).toEqual({ song_id: one!.id, liked: true });
    clock.advance(1000);
    await server.call('PUT', `/api/songs/${two!.id}/like`, { token: alice.token });
    // Liking again is harmless and keeps the first time.
    expect((await server.call('PUT', `/api/songs/${one!.id}/like`, { token: alice.token })).status).toBe(200);

    const likes = (await (await server.call('GET', '/api/me/likes', { token: alice.token })).json()) as LikeJson[];
    expect(likes.map((l) => [l.song.title, l.liked_at, l.available])).toEqual([
      ['Two', '2026-03-01T12:00:01.000Z', true],
      ['One', '2026-03-01T12:00:00.000Z', true],
    ]);
    expect(await (await server.call('GET', '/api/me/likes', { token: bob.token })).json()).toEqual([]);

    const del = await server.call('DELETE', `/api/songs/${two!.id}/like`, { token: alice.token });
    expect(await del.json()).toEqual({ song_id: two!.id, liked: false });
    const after = (await (await server.call('GET', '/api/me/likes', { token: alice.token })).json()) as LikeJson[];
    expect(after.map((l) => l.song.title)).toEqual(['One']);
  });

  it('needs a token and an existing song', async () => {
    const server = await startTestServer();
    const alice = await server.user('alice');
    const [song] = await seedSongs(server.store, [{}]);
    expect((await server.call('PUT', `/api/songs/${song!.id}/like`)).status).toBe(401);
    expect((await server.call('DELETE', `/api/songs/${song!.id}/like`)).status).toBe(401);
    expect((await server.call('GET', '/api/me/likes')).status).toBe(401);
    expect((await server.call('PUT', '/api/songs/999/like', { token: alice.token })).status).toBe(404);
    expect((await server.call('PUT', '/api/songs/abc/like', { token: alice.token })).status).toBe(400);
  });
});
