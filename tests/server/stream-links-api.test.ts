import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServices } from '../../src/services/container.js';
import { openLocalConfig } from '../../src/config/local-config.js';
import { fixedClock } from '../../src/services/clock.js';
import { STREAM_LINK_MIN_TTL_MS } from '../../src/services/media/stream-links.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { tempDir } from '../helpers/temp-dir.js';
import { startTestServer } from '../helpers/test-server.js';

const SIZE = 50_001;

async function setup(options: Parameters<typeof startTestServer>[0] = {}) {
  const server = await startTestServer(options);
  const alice = await server.user('alice');
  const dir = tempDir();
  const files = ['one.mp3', 'two.mp3'].map((name) => {
    const path = join(dir, name);
    const content = randomBytes(SIZE);
    writeFileSync(path, content);
    return { path, content };
  });
  const songs = await seedSongs(server.store, files.map((f) => ({ path: f.path, size: SIZE, duration_ms: 180_000 })));
  const streamUrl = async (id: number, token = alice.token) => {
    const res = await server.call('GET', `/api/songs/${id}`, { token });
    return ((await res.json()) as { stream_url: string }).stream_url;
  };
  return { server, alice, songs, files, streamUrl };
}

/** The same link with one query parameter changed. */
function withParam(url: string, name: string, value: string): string {
  const next = new URL(url);
  next.searchParams.set(name, value);
  return next.toString();
}

describe('signed stream links', () => {
  it('a song fetched with a token carries a stream_url that plays with no header, ranges included', async () => {
    const { server, songs, files, streamUrl } = await setup();
    const url = await streamUrl(songs[0]!.id);
    expect(url).toMatch(new RegExp(`^${server.url}/api/songs/${songs[0]!.id}/stream\\?user=1&expires=\\d+&sig=[A-Za-z0-9_-]{43}$`));
    const whole = await fetch(url);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(files[0]!.content)).toBe(true);
    const part = await fetch(url, { headers: { range: 'bytes=100-199' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(files[0]!.content.subarray(100, 200))).toBe(true);
    expect((await fetch(url, { method: 'HEAD' })).status).toBe(200);

    // Anonymous: the catalogue stays readable, without links; no token and no link is still 401.
    const anonymous = (await (await server.call('GET', `/api/songs/${songs[0]!.id}`)).json()) as { stream_url: unknown };
    expect(anonymous.stream_url).toBeNull();
    expect((await fetch(url.split('?')[0]!)).status).toBe(401);
    // Every song of a list carries its own link.
    const list = (await (await server.call('GET', '/api/songs', { token: (await server.user('bob')).token })).json()) as Array<{ id: number; stream_url: string }>;
    expect(list.map((s) => new URL(s.stream_url).pathname)).toEqual(songs.map((s) => `/api/songs/${s.id}/stream`));
  });

  it('refuses a tampered link, one for another song and one for another user with 403', async () => {
    const { server, songs, streamUrl } = await setup();
    const url = await streamUrl(songs[0]!.id);
    const sig = new URL(url).searchParams.get('sig')!;
    const flipped = `${sig.slice(0, 10)}${sig[10] === 'A' ? 'B' : 'A'}${sig.slice(11)}`;
    const expires = Number(new URL(url).searchParams.get('expires'));
    const forged = [
      withParam(url, 'sig', flipped),
      withParam(url, 'sig', ''),
      withParam(url, 'user', '2'),
      withParam(url, 'user', '01'),
      withParam(url, 'expires', String(expires + 3600)),
      url.replace(`/songs/${songs[0]!.id}/`, `/songs/${songs[1]!.id}/`),
      url.replace(/&sig=[^&]*/, ''),
    ];
    for (const bad of forged) {
      const res = await fetch(bad);
      expect({ bad, status: res.status }).toEqual({ bad, status: 403 });
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    }
    // The signature never reaches the request log.
    for (const line of server.logLines) expect(line).not.toContain(sig);
    expect(server.logLines.some((line) => line.includes('sig=[redacted]'))).toBe(true);
  });

  it('expires, and dies with the account it was made for', async () => {
    const clock = fixedClock(new Date());
    const { server, songs, streamUrl } = await setup({ clock });
    const url = await streamUrl(songs[0]!.id);
    expect((await fetch(url)).status).toBe(200);
    // A three-minute song: the link lives the minimum.
    clock.advance(STREAM_LINK_MIN_TTL_MS - 1000);
    expect((await fetch(url)).status).toBe(200);
    clock.advance(2000);
    const expired = await fetch(url);
    expect(expired.status).toBe(403);
    expect(((await expired.json()) as { error: { message: string } }).error.message).toBe('this stream link has expired');

    clock.set(new Date());
    const bob = await server.user('bob');
    const bobs = await streamUrl(songs[0]!.id, bob.token);
    await server.store.db.deleteFrom('users').where('id', '=', bob.id).execute();
    expect((await fetch(bobs)).status).toBe(403);
  });

  it('is signed with a key in the database: a second server on the same database and a restart accept it', async () => {
    const { server, songs, streamUrl } = await setup();
    const url = await streamUrl(songs[0]!.id);
    // Another process's services on the same database file (a fresh key cache).
    const other = buildServices(server.store, openLocalConfig({ TUNES_HOME: tempDir() }), fixedClock(new Date()));
    const grant = new URL(url).searchParams;
    await expect(other.streamLinks.verify(songs[0]!.id, { user: grant.get('user'), expires: grant.get('expires'), signature: grant.get('sig') })).resolves.toBe(1);
    const keys = await server.store.db.selectFrom('server_secrets').selectAll().execute();
    expect(keys.map((k) => [k.name, k.secret.length])).toEqual([['stream-links', 32]]);
  });

  it('If-None-Match with the ETag just sent answers 304 without a body', async () => {
    const { songs, streamUrl } = await setup();
    const url = await streamUrl(songs[0]!.id);
    const first = await fetch(url);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-z]+-[0-9a-z]+"$/);
    const again = await fetch(url, { headers: { 'if-none-match': etag, range: 'bytes=0-10' } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect((await again.arrayBuffer()).byteLength).toBe(0);
    expect((await fetch(url, { headers: { 'if-none-match': `"other", W/${etag}` } })).status).toBe(304);
    expect((await fetch(url, { headers: { 'if-none-match': '"other"' } })).status).toBe(200);
  });
});
