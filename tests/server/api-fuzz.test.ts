import { request } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RouteInfo } from '../../src/server/route-list.js';
import { fuzzer, type Fuzzer } from '../helpers/fuzz-inputs.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { tempDir } from '../helpers/temp-dir.js';
import { startTestServer, type TestServer } from '../helpers/test-server.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const REQUESTS_PER_ROUTE = 40;
const MIN_REQUESTS = 500;

interface Answer {
  status: number;
  type: string;
  body: string;
}

/** node:http rather than fetch: it sends any header value and any bytes, as an attacker would. */
function send(server: TestServer, method: string, path: string, headers: Record<string, string>, body?: Buffer): Promise<Answer> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** encodeURIComponent for any string (a lone surrogate is sent as U+FFFD, as UTF-8 would). */
const enc = (text: string) => encodeURIComponent(Buffer.from(text, 'utf8').toString('utf8'));

interface World {
  tokens: string[];
  ids: string[];
}

function pathParam(f: Fuzzer, world: World): string {
  return f.pick<() => string>([
    () => f.pick(world.ids),
    () => enc(f.pick(['0', '-1', '1e20', '99999999999999999999', '1.5', '0x1', ' 1', '+1', '１', 'abc', '', 'null', '🎵'])),
    () => f.pick(['%00', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', '%E0%A4%A', '..', '%', '1%20']),
    () => enc(f.text()),
  ])();
}

function queryString(f: Fuzzer, route: RouteInfo): string {
  const names = [...route.queryFields, 'q', 'limit', 'offset', 'cursor', 'token', 'page', '__proto__', f.text()];
  const value = () =>
    f.pick<() => string>([
      () => f.text(),
      () => String(f.scalar()),
      () => Buffer.from(JSON.stringify(f.json()), 'utf8').toString('base64url'),
      () => Buffer.from(JSON.stringify(f.pick([{ kind: 'key', sort: 'artist', values: [{}, [], 1, null, 'x', 2] }, { kind: 'ranked', offset: 1e15 }, { kind: 'tail', rowid: -1 }, { kind: 'ranked', offset: 3 }])), 'utf8').toString('base64url'),
    ])();
  const pairs = Array.from({ length: f.int(5) }, () => `${enc(f.pick(names))}=${enc(value())}`);
  if (f.chance(0.1)) pairs.push('q', 'limit=', '&&', '=x');
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`;
}

function headers(f: Fuzzer, world: World): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.chance(0.5)) out.authorization = `Bearer ${world.tokens[0]}`;
  else if (f.chance(0.5)) {
    out.authorization = f.pick([
      `Bearer ${f.pick(world.tokens)}`,
      'Bearer',
      'Bearer ',
      'Basic YWxpY2U6eA==',
      `Bearer ${'A'.repeat(4000)}`,
      `bearer   ${f.pick(world.tokens)}  `,
      `Bearer ${enc(f.text()).slice(0, 200)}`,
    ]);
  }
  if (f.chance(0.3)) {
    out.range = f.pick(['bytes=0-', 'bytes=-0', 'bytes=-1', 'bytes=5-2', 'bytes=0-1,3-4', 'bytes=99999999999999999999-', 'items=0-1', 'bytes=', 'bytes=-', 'bytes=1e3-', `bytes=${f.int(5000)}-${f.int(5000)}`]);
  }
  if (f.chance(0.1)) out['if-range'] = f.pick(['"x"', 'Tue, 01 Dec 2026 00:00:00 GMT', 'garbage']);
  if (f.chance(0.1)) out['x-forwarded-for'] = f.pick(['1.2.3.4', 'garbage', '::1, 10.0.0.1']);
  if (f.chance(0.1)) out.accept = f.pick(['*/*', 'text/html', 'application/xml']);
  return out;
}

function body(f: Fuzzer, route: RouteInfo, world: World): { bytes: Buffer; type?: string } | undefined {
  if (f.chance(0.1)) return undefined;
  // Plausible values often, so requests get past validation into the handlers.
  const plausible = (field: string) =>
    f.chance(0.5) ? f.scalar() : /id$|from|to|position/.test(field) ? Number(f.pick(world.ids)) : `${field} ${f.int(1000)}`;
  const valid = Object.fromEntries(route.bodyFields.map((field) => [field, plausible(field)]));
  const value = f.pick<() => unknown>([
    () => valid,
    () => ({ ...valid, [f.pick([...route.bodyFields, 'extra'])]: f.json() }),
    () => f.json(),
    () => JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}'),
  ])();
  const text = f.pick<() => string>([
    () => JSON.stringify(value) ?? 'null',
    () => JSON.stringify(value) ?? 'null',
    () => JSON.stringify(valid),
    () => (JSON.stringify(value) ?? '').slice(0, f.int(20)),
    () => '['.repeat(5000),
    () => f.text(),
  ])();
  const bytes = f.chance(0.05) ? Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0xc3]) : Buffer.from(text, 'utf8');
  const type = f.pick([
    'application/json',
    'application/json',
    'application/json',
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=latin1',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    undefined,
  ]);
  return type === undefined ? { bytes } : { bytes, type };
}

/** What an error body must never show: a stack, a file path, SQL or SQLite's own words. */
const LEAKS = [/\n\s+at /, /\bat .+:\d+:\d+/, /node_modules/, /\/work\//, /\/tmp\//, /\.(ts|js):\d+/, /\bselect\b.+\bfrom\b/i, /sqlite/i, /\bfts5?\b/i, /syntax error/i, /no such (table|column)/i, /constraint failed/i];

describe('HTTP API fuzz', () => {
  // Sequential requests over 40-odd routes: more than the default minute on a loaded 2-core box.
  it(`answers ${MIN_REQUESTS}+ random and mutated requests over every route without a 5xx or a leak`, { timeout: 240_000 }, async () => {
    const server = await startTestServer();
    const alice = await server.user('alice');
    const bob = await server.user('bob');
    const dir = tempDir();
    const files = ['a.mp3', 'b.flac'].map((name) => {
      const path = join(dir, name);
      writeFileSync(path, Buffer.alloc(3000, 0));
      return path;
    });
    const songs = await seedSongs(server.store, [
      { title: 'Halo', artist: 'Beyoncé', path: files[0]!, size: 3000 },
      { title: 'Hoppípolla', artist: 'Sigur Rós', path: files[1]!, size: 3000 },
    ]);
    const created = await server.call('POST', '/api/playlists', { token: alice.token, body: { name: 'Mine' } });
    const playlist = (await created.json()) as { id: number };
    await server.call('POST', `/api/playlists/${playlist.id}/songs`, { token: alice.token, body: { song_id: songs[0]!.id } });
    const world: World = {
      tokens: [alice.token, bob.token, 'made-up-token'],
      ids: [String(songs[0]!.id), String(songs[1]!.id), String(playlist.id), '1', '2', '3'],
    };

    const routes = server.routes.filter((route) => route.method !== 'OPTIONS');
    expect(routes.length).toBeGreaterThan(15);
    const f = fuzzer(SEED);
    const failures: string[] = [];
    let sent = 0;
    const statuses: Record<number, number> = {};
    for (const route of routes) {
      for (let i = 0; i < REQUESTS_PER_ROUTE; i++) {
        const path = route.url.replace(/:[A-Za-z_]+/g, () => pathParam(f, world)) + queryString(f, route);
        const head = headers(f, world);
        const payload = route.method === 'GET' || route.method === 'HEAD' ? undefined : body(f, route, world);
        if (payload?.type) head['content-type'] = payload.type;
        // Framed, as any real client frames a body (node:http sends a DELETE's body unframed).
        if (payload) head['content-length'] = String(payload.bytes.length);
        const answer = await send(server, route.method, path, head, payload?.bytes).catch(
          (error: Error): Answer => ({ status: -1, type: '', body: `client error: ${error.message}` }),
        );
        if (answer.status === -1) failures.push(`no answer: ${route.method} ${path} ${JSON.stringify(head)} ${answer.body} body=${payload?.bytes.toString('utf8').slice(0, 100)}`);
        sent += 1;
        statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
        // A fuzzed logout ends alice's session; she logs in again (not over HTTP, whose limits the fuzz has spent).
        if (route.url === '/api/logout' && answer.status === 204 && head.authorization?.includes(world.tokens[0]!)) {
          world.tokens[0] = (await server.services.auth.login('alice', 'correct horse')).token;
        }
        const where = `${route.method} ${path} ${JSON.stringify(head).slice(0, 200)} -> ${answer.status} ${answer.body.slice(0, 300)}`;
        if (answer.status >= 500) failures.push(`5xx: ${where}`);
        if (route.method !== 'HEAD' && answer.type.startsWith('application/json') && answer.status >= 400) {
          let parsed: { error?: { code?: unknown; message?: unknown } } | undefined;
          try {
            parsed = JSON.parse(answer.body) as typeof parsed;
          } catch {
            failures.push(`unparsable error body: ${where}`);
          }
          if (typeof parsed?.error?.code !== 'string' || typeof parsed.error.message !== 'string') failures.push(`error shape: ${where}`);
          const leak = LEAKS.find((pattern) => pattern.test(answer.body));
          if (leak) failures.push(`leak ${leak}: ${where}`);
        }
      }
    }
    // Most requests must get past the first checks into the handlers, or the fuzz tests little.
    const answered = (from: number, to: number) => Object.entries(statuses).reduce((n, [s, c]) => (Number(s) >= from && Number(s) < to ? n + c : n), 0);
    expect(answered(200, 300), JSON.stringify(statuses)).toBeGreaterThan(sent / 5);
    expect(answered(403, 410), JSON.stringify(statuses)).toBeGreaterThan(0);
    expect(sent).toBeGreaterThanOrEqual(MIN_REQUESTS);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(server.logLines.filter((line) => line.startsWith('error '))).toEqual([]);
    // Alive and well afterwards.
    expect((await server.call('GET', '/api/me', { token: world.tokens[0] })).status).toBe(200);
  });
});
