import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedSongs } from '../helpers/seed-songs.js';
import { tempDir } from '../helpers/temp-dir.js';
import { startTestServer } from '../helpers/test-server.js';

const json = { 'content-type': 'application/json' };

/** Logs in through the cookie session: the cookie header to send back, and the CSRF token. */
async function webLogin(url: string, username: string) {
  const res = await fetch(`${url}/api/session`, { method: 'POST', headers: json, body: JSON.stringify({ username, password: 'correct horse' }) });
  expect(res.status).toBe(200);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const body = (await res.json()) as { csrf_token: string; user: { username: string } };
  return { setCookie, cookie: setCookie.split(';')[0]!, csrf: body.csrf_token, body };
}

describe('the web session cookie', () => {
  it('tells anyone whether registration is open, so the login page offers "Create account" only then', async () => {
    for (const registration of ['open', 'closed'] as const) {
      const server = await startTestServer({ registration });
      const res = await fetch(`${server.url}/api/registration`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ registration });
    }
  });

  it('is HttpOnly and SameSite=Strict, authenticates reads, and needs the CSRF token (and this origin) for writes', async () => {
    const server = await startTestServer();
    const alice = await server.user('alice');
    const [song] = await seedSongs(server.store, [{ title: 'One', duration_ms: 100_000 }]);
    const { setCookie, cookie, csrf, body } = await webLogin(server.url, 'alice');
    expect(body.user.username).toBe('alice');
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(body).not.toHaveProperty('token');

    const me = await fetch(`${server.url}/api/session`, { headers: { cookie } });
    expect(((await me.json()) as { csrf_token: string }).csrf_token).toBe(csrf);
    const songs = (await (await fetch(`${server.url}/api/songs`, { headers: { cookie } })).json()) as Array<{ stream_url: string | null }>;
    expect(songs[0]!.stream_url).toMatch(/\/stream\?user=\d+&expires=\d+&sig=/);

    const create = (headers: Record<string, string>) =>
      fetch(`${server.url}/api/playlists`, { method: 'POST', headers: { ...json, cookie, ...headers }, body: JSON.stringify({ name: 'Mix' }) });
    expect((await create({})).status).toBe(403);
    expect((await create({ 'x-csrf-token': 'A'.repeat(csrf.length) })).status).toBe(403);
    expect((await create({ 'x-csrf-token': csrf, origin: 'http://evil.example' })).status).toBe(403);
    expect((await create({ 'x-csrf-token': csrf, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await create({ 'x-csrf-token': csrf, origin: server.url })).status).toBe(201);
    // The bearer path needs no CSRF token.
    expect((await server.call('GET', '/api/playlists', { token: alice.token })).status).toBe(200);

    // A listen counts by the CLI's rule (30 s or half the song).
    const listen = (ms: number) =>
      fetch(`${server.url}/api/me/history`, { method: 'POST', headers: { ...json, cookie, 'x-csrf-token': csrf }, body: JSON.stringify({ song_id: song!.id, ms_played: ms }) });
    const short = await listen(10_000);
    expect([short.status, ((await short.json()) as { counted: boolean }).counted]).toEqual([200, false]);
    const long = await listen(31_000);
    expect([long.status, ((await long.json()) as { counted: boolean }).counted]).toEqual([201, true]);
    const history = (await (await server.call('GET', '/api/me/history', { token: alice.token })).json()) as unknown[];
    expect(history).toHaveLength(1);

    const out = await fetch(`${server.url}/api/session`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrf } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/tunes_session=;/);
    expect((await fetch(`${server.url}/api/session`, { headers: { cookie } })).status).toBe(401);
  });

  it('a wrong password is 401 and sets no cookie', async () => {
    const server = await startTestServer();
    await server.user('alice');
    const res = await fetch(`${server.url}/api/session`, { method: 'POST', headers: json, body: JSON.stringify({ username: 'alice', password: 'nope nope' }) });
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('the web player files', () => {
  it('serves index.html (no-cache, its own CSP) at / and client routes, hashed assets for a year, and keeps API 404s JSON', async () => {
    const web = tempDir();
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>tunes</title>');
    writeFileSync(join(web, 'assets', 'index-abc123.js'), 'console.log(1)');
    const server = await startTestServer({ webDir: web });
    const root = await fetch(`${server.url}/`);
    expect(root.status).toBe(200);
    expect(root.headers.get('cache-control')).toBe('no-cache');
    expect(root.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await root.text()).toContain('<title>tunes</title>');
    const route = await fetch(`${server.url}/albums/3`, { headers: { accept: 'text/html' } });
    expect([route.status, route.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8']);
    const asset = await fetch(`${server.url}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${server.url}/assets/missing.js`)).status).toBe(404);
    // A malformed Range (the fuzz test's) made the static files answer 500; they ignore ranges.
    for (const range of ['bytes=5-2', 'bytes=-', 'bytes=99999999999999999999-']) {
      expect((await fetch(`${server.url}/assets/index-abc123.js`, { headers: { range } })).status).toBe(200);
    }
    const api = await fetch(`${server.url}/api/nothing`, { headers: { accept: 'text/html' } });
    expect(api.status).toBe(404);
    expect(((await api.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});
