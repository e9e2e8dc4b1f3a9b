import { describe, expect, it } from 'vitest';
import { seedSongs } from '../helpers/seed-songs.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

interface PlaylistJson {
  id: number;
  user_id: number;
  name: string;
  song_count: number;
  entries?: Array<{ position: number; song_id: number }>;
}

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

async function setup() {
  const server = await startTestServer();
  const alice = await server.user('alice');
  const bob = await server.user('bob');
  const songs = await seedSongs(server.store, [{ title: 'One' }, { title: 'Two' }, { title: 'Three' }]);
  return { server, alice, bob, songIds: songs.map((s) => s.id) };
}

async function entriesOf(server: TestServer, token: string, id: number): Promise<Array<[number, number]>> {
  const detail = await json<PlaylistJson>(await server.call('GET', `/api/playlists/${id}`, { token }));
  return detail.entries!.map((e) => [e.position, e.song_id]);
}

describe('playlists over HTTP', () => {
  it('answers the seed requests exactly as written', async () => {
    const { server, alice } = await setup();
    const created = await server.call('POST', '/api/playlists', {
      token: alice.token,
      body: '{"user_id": 1, "name": "My Favs"}',
    });
    expect(created.status).toBe(201);
    expect(await json(created)).toMatchObject({ id: 1, user_id: 1, name: 'My Favs', song_count: 0 });

    const added = await server.call('POST', '/api/playlists/1/songs', { token: alice.token, body: '{"song_id": 1}' });
    expect(added.status).toBe(201);
    expect(await json(added)).toEqual({ playlist_id: 1, position: 1, song_id: 1 });
  });

  it('creates without user_id, lists, shows, renames, reorders, removes and deletes', async () => {
    const { server, alice, songIds } = await setup();
    const token = alice.token;
    const p = await json<PlaylistJson>(await server.call('POST', '/api/playlists', { token, body: { name: 'Road trip' } }));
    expect(p).toMatchObject({ user_id: alice.id, name: 'Road trip' });
    for (const songId of songIds) {
      expect((await server.call('POST', `/api/playlists/${p.id}/songs`, { token, body: { song_id: songId } })).status).toBe(201);
    }
    expect(await entriesOf(server, token, p.id)).toEqual([[1, songIds[0]], [2, songIds[1]], [3, songIds[2]]]);

    const moved = await server.call('POST', `/api/playlists/${p.id}/songs/move`, { token, body: { from: 3, to: 1 } });
    expect(await json(moved)).toMatchObject({ playlist_id: p.id, position: 1, song_id: songIds[2] });
    expect(await entriesOf(server, token, p.id)).toEqual([[1, songIds[2]], [2, songIds[0]], [3, songIds[1]]]);

    expect((await server.call('DELETE', `/api/playlists/${p.id}/songs/2`, { token })).status).toBe(204);
    expect(await entriesOf(server, token, p.id)).toEqual([[1, songIds[2]], [2, songIds[1]]]);

    const renamed = await server.call('PATCH', `/api/playlists/${p.id}`, { token, body: { name: 'Night drive' } });
    expect(await json(renamed)).toMatchObject({ id: p.id, name: 'Night drive', song_count: 2 });
    const list = await json<PlaylistJson[]>(await server.call('GET', '/api/playlists?built_ins=false', { token }));
    expect(list.map((x) => [x.id, x.name, x.song_count])).toEqual([[p.id, 'Night drive', 2]]);
    // By default the built-in smart playlists follow the user's own.
    const all = await json<(PlaylistJson & { built_in: string | null })[]>(await server.call('GET', '/api/playlists', { token }));
    expect(all.map((x) => x.name)).toEqual(['Night drive', 'Forgotten favourites', 'Most played', 'Never played', 'Recently added']);

    expect((await server.call('DELETE', `/api/playlists/${p.id}`, { token })).status).toBe(204);
    expect((await server.call('GET', `/api/playlists/${p.id}`, { token })).status).toBe(404);
    expect(await json(await server.call('GET', '/api/playlists?built_ins=false', { token }))).toEqual([]);
  });

  it('maps playlist failures to 400, 404 and 409', async () => {
    const { server, alice } = await setup();
    const token = alice.token;
    const p = await json<PlaylistJson>(await server.call('POST', '/api/playlists', { token, body: { name: 'Mix' } }));
    const cases: Array<[string, string, unknown, number]> = [
      ['POST', '/api/playlists', { name: 'MIX' }, 409],
      ['POST', '/api/playlists', { name: '' }, 400],
      ['POST', '/api/playlists', {}, 400],
      ['POST', `/api/playlists/${p.id}/songs`, { song_id: 999 }, 404],
      ['POST', `/api/playlists/${p.id}/songs`, { song_id: 'one' }, 400],
      ['POST', `/api/playlists/${p.id}/songs/move`, { from: 1, to: 2 }, 400],
      ['DELETE', `/api/playlists/${p.id}/songs/1`, undefined, 400],
      ['GET', '/api/playlists/abc', undefined, 400],
    ];
    for (const [method, path, body, status] of cases) {
      const res = await server.call(method, path, { token, body });
      expect({ method, path, body, status: res.status }).toEqual({ method, path, body, status });
    }
  });

  it("answers 404 for another user's playlist on every endpoint, and changes nothing", async () => {
    const { server, alice, bob, songIds } = await setup();
    const p = await json<PlaylistJson>(
      await server.call('POST', '/api/playlists', { token: alice.token, body: { name: 'Mine' } }),
    );
    await server.call('POST', `/api/playlists/${p.id}/songs`, { token: alice.token, body: { song_id: songIds[0] } });
    await server.call('POST', `/api/playlists/${p.id}/songs`, { token: alice.token, body: { song_id: songIds[1] } });
    const attempts: Array<[string, string, unknown]> = [
      ['GET', `/api/playlists/${p.id}`, undefined],
      ['PATCH', `/api/playlists/${p.id}`, { name: 'Stolen' }],
      ['DELETE', `/api/playlists/${p.id}`, undefined],
      ['POST', `/api/playlists/${p.id}/songs`, { song_id: songIds[2] }],
      ['DELETE', `/api/playlists/${p.id}/songs/1`, undefined],
      ['POST', `/api/playlists/${p.id}/songs/move`, { from: 1, to: 2 }],
    ];
    const missing = await server.call('GET', '/api/playlists/999', { token: bob.token });
    const missingBody = await json<{ error: { code: string } }>(missing);
    for (const [method, path, body] of attempts) {
      const res = await server.call(method, path, { token: bob.token, body });
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
      expect((await json<{ error: { code: string } }>(res)).error.code).toBe(missingBody.error.code);
    }
    expect(await json(await server.call('GET', '/api/playlists?built_ins=false', { token: bob.token }))).toEqual([]);
    expect(await entriesOf(server, alice.token, p.id)).toEqual([[1, songIds[0]], [2, songIds[1]]]);
  });

  it('refuses a user_id that is not the caller with 403, and every playlist call without a token with 401', async () => {
    const { server, alice, bob, songIds } = await setup();
    const p = await json<PlaylistJson>(
      await server.call('POST', '/api/playlists', { token: alice.token, body: { user_id: alice.id, name: 'Mine' } }),
    );
    const spoofed: Array<[string, string, unknown]> = [
      ['POST', '/api/playlists', { user_id: alice.id, name: 'Planted' }],
      ['POST', `/api/playlists/${p.id}/songs`, { user_id: alice.id, song_id: songIds[0] }],
      ['PATCH', `/api/playlists/${p.id}`, { user_id: alice.id, name: 'Stolen' }],
      ['POST', `/api/playlists/${p.id}/songs/move`, { user_id: alice.id, from: 1, to: 1 }],
    ];
    for (const [method, path, body] of spoofed) {
      const res = await server.call(method, path, { token: bob.token, body });
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
      expect((await json<{ error: { code: string } }>(res)).error.code).toBe('forbidden');
    }
    expect(await json(await server.call('GET', '/api/playlists?built_ins=false', { token: bob.token }))).toEqual([]);
    expect(await entriesOf(server, alice.token, p.id)).toEqual([]);

    for (const [method, path, body] of [...spoofed, ['GET', '/api/playlists', undefined] as const]) {
      expect((await server.call(method, path, { body })).status).toBe(401);
    }
  });

  it('keeps every entry with dense positions when 50 clients add to one playlist at once', async () => {
    const server = await startTestServer();
    const alice = await server.user('alice');
    const songs = await seedSongs(server.store, Array.from({ length: 50 }, (_, i) => ({ title: `S${i}` })));
    const p = await json<PlaylistJson>(await server.call('POST', '/api/playlists', { token: alice.token, body: { name: 'Busy' } }));
    const results = await Promise.all(
      songs.map((song) =>
        server.call('POST', `/api/playlists/${p.id}/songs`, { token: alice.token, body: { song_id: song.id } }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(songs.map(() => 201));
    const positions = (await Promise.all(results.map((r) => json<{ position: number }>(r)))).map((e) => e.position);
    expect([...positions].sort((a, b) => a - b)).toEqual(songs.map((_, i) => i + 1));
    const entries = await entriesOf(server, alice.token, p.id);
    expect(entries.map(([position]) => position)).toEqual(songs.map((_, i) => i + 1));
    expect(entries.map(([, songId]) => songId).sort((a, b) => a - b)).toEqual(songs.map((s) => s.id));
  });
});
