import { describe, expect, it } from 'vitest';
import { seedSongs } from '../helpers/seed-songs.js';
import { startTestServer } from '../helpers/test-server.js';

describe('registration open or closed', () => {
  it('closed refuses POST /api/register with 403 and creates nothing; login still works', async () => {
    const open = await startTestServer();
    await open.user('alice');
    const server = await startTestServer({ registration: 'closed' });
    const res = await server.call('POST', '/api/register', { body: { username: 'mallory', password: 'correct horse' } });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ error: { code: 'forbidden', message: 'registration is closed on this server: ask its admin for an account' } });
    expect(await server.store.db.selectFrom('users').selectAll().execute()).toEqual([]);
    await server.services.auth.createAccount('alice', 'correct horse');
    expect((await server.call('POST', '/api/login', { body: { username: 'alice', password: 'correct horse' } })).status).toBe(200);
  });
});

describe('PUT /api/me/password', () => {
  it('changes the password, keeps this token and ends the other sessions', async () => {
    const server = await startTestServer();
    const alice = await server.user('alice');
    const phone = (await (await server.call('POST', '/api/login', { body: { username: 'alice', password: 'correct horse' } })).json()) as { token: string };
    const put = (body: unknown, token = alice.token) => server.call('PUT', '/api/me/password', { token, body });

    const wrong = await put({ current_password: 'not the one', new_password: 'brand new pass' });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toEqual({ error: { code: 'forbidden', message: 'the current password is wrong' } });
    expect((await put({ current_password: 'correct horse', new_password: 'short' })).status).toBe(400);
    expect((await put({ current_password: 'correct horse' })).status).toBe(400);
    expect((await server.call('PUT', '/api/me/password', { body: { current_password: 'correct horse', new_password: 'brand new pass' } })).status).toBe(401);

    const ok = await put({ current_password: 'correct horse', new_password: 'brand new pass' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ ended_sessions: 1 });
    expect((await server.call('GET', '/api/me', { token: alice.token })).status).toBe(200);
    expect((await server.call('GET', '/api/me', { token: phone.token })).status).toBe(401);
    expect((await server.call('POST', '/api/login', { body: { username: 'alice', password: 'correct horse' } })).status).toBe(401);
    expect((await server.call('POST', '/api/login', { body: { username: 'alice', password: 'brand new pass' } })).status).toBe(200);
  });

  it('counts wrong current passwords like failed logins (429 with Retry-After)', async () => {
    const slow = (free: number) => ({ free, firstDelayMs: 60_000, maxDelayMs: 60_000, forgetAfterMs: 60 * 60_000 });
    const server = await startTestServer({ loginLimits: { perAccountAndAddress: slow(3), perAddress: slow(100) } });
    const alice = await server.user('alice');
    const put = () => server.call('PUT', '/api/me/password', { token: alice.token, body: { current_password: 'guess guess', new_password: 'brand new pass' } });
    for (let i = 0; i < 3; i += 1) expect((await put()).status).toBe(403);
    const limited = await put();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('playlists: position on add, description on PATCH', () => {
  it('POST /api/playlists/:id/songs takes position like --at; PATCH changes description and name', async () => {
    const server = await startTestServer();
    const alice = await server.user('alice');
    const [a, b, c] = await seedSongs(server.store, [{ title: 'A' }, { title: 'B' }, { title: 'C' }]);
    const created = (await (await server.call('POST', '/api/playlists', { token: alice.token, body: { name: 'Mix' } })).json()) as { id: number };
    const add = (songId: number, position?: number) =>
      server.call('POST', `/api/playlists/${created.id}/songs`, { token: alice.token, body: { song_id: songId, ...(position === undefined ? {} : { position }) } });
    expect(await (await add(a!.id)).json()).toMatchObject({ position: 1 });
    expect(await (await add(b!.id)).json()).toMatchObject({ position: 2 });
    expect(await (await add(c!.id, 1)).json()).toEqual({ playlist_id: created.id, position: 1, song_id: c!.id });
    expect((await add(a!.id, 9)).status).toBe(400);
    expect((await add(a!.id, 0)).status).toBe(400);
    const shown = (await (await server.call('GET', `/api/playlists/${created.id}`, { token: alice.token })).json()) as { entries: Array<{ song: { title: string } }> };
    expect(shown.entries.map((e) => e.song.title)).toEqual(['C', 'A', 'B']);

    const patch = (body: unknown) => server.call('PATCH', `/api/playlists/${created.id}`, { token: alice.token, body });
    expect(await (await patch({ description: 'for the road' })).json()).toMatchObject({ name: 'Mix', description: 'for the road' });
    expect(await (await patch({ name: 'Road Mix', description: null })).json()).toMatchObject({ name: 'Road Mix', description: null });
    expect((await patch({})).status).toBe(400);
    expect((await patch({ description: 'x'.repeat(5000) })).status).toBe(400);
  });
});
