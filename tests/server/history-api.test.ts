import { describe, expect, it } from 'vitest';
import { seedSongs } from '../helpers/seed-songs.js';
import { startTestServer } from '../helpers/test-server.js';

interface PlayJson {
  song_id: number;
  started_at: string;
  ms_played: number;
  song: { id: number; title: string };
}

describe('GET /api/me/history', () => {
  it("lists the caller's plays, newest first, limited, and nobody else's", async () => {
    const server = await startTestServer();
    const alice = await server.user('alice');
    const bob = await server.user('bob');
    const [one, two] = await seedSongs(server.store, [{ title: 'One' }, { title: 'Two' }]);
    const { history } = server.services;
    const listen = (userId: number, songId: number, startedAt: string) =>
      history.recordListen({ userId, songId, startedAt: new Date(startedAt), msPlayed: 60_000, durationMs: 180_000 });
    await listen(alice.id, one!.id, '2026-03-01T10:00:00Z');
    await listen(alice.id, two!.id, '2026-03-01T11:00:00Z');
    await listen(bob.id, one!.id, '2026-03-01T12:00:00Z');

    const res = await server.call('GET', '/api/me/history', { token: alice.token });
    expect(res.status).toBe(200);
    const plays = (await res.json()) as PlayJson[];
    expect(plays.map((p) => [p.song.title, p.started_at, p.ms_played])).toEqual([
      ['Two', '2026-03-01T11:00:00.000Z', 60_000],
      ['One', '2026-03-01T10:00:00.000Z', 60_000],
    ]);
    const limited = (await (await server.call('GET', '/api/me/history?limit=1', { token: alice.token })).json()) as PlayJson[];
    expect(limited.map((p) => p.song_id)).toEqual([two!.id]);

    expect((await server.call('GET', '/api/me/history')).status).toBe(401);
    expect((await server.call('GET', '/api/me/history?limit=0', { token: alice.token })).status).toBe(400);
  });
});
