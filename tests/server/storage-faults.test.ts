import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/services/clock.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { tempDir } from '../helpers/temp-dir.js';
import { startSqliteTestServer } from '../helpers/test-server.js';

async function setup() {
  const clock = fixedClock(new Date());
  // SQLite only: another process's write lock, query_only and max_page_count are SQLite's own faults.
  const server = await startSqliteTestServer({ clock });
  const { token } = await server.user('alice');
  const path = join(tempDir(), 'track.mp3');
  writeFileSync(path, Buffer.alloc(4096, 1));
  const [song] = await seedSongs(server.store, [{ path, size: 4096 }]);
  // Long enough since the login that the session is due for its "last used" write.
  clock.advance(5 * 60 * 1000);
  // Short, so that the old behaviour (waiting out the lock, then failing) shows quickly.
  server.store.sqlite.pragma('busy_timeout = 200');
  const reads = async () => {
    const me = await server.call('GET', '/api/me', { token });
    const stream = await server.call('GET', `/api/songs/${song!.id}/stream`, { token });
    return { me: me.status, stream: stream.status, bytes: (await stream.arrayBuffer()).byteLength };
  };
  const createPlaylist = () => server.call('POST', '/api/playlists', { token, body: { name: `List ${Math.random()}` } });
  return { server, reads, createPlaylist };
}

async function errorBody(res: Response) {
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
}

describe('storage faults over HTTP', () => {
  it('serves reads while another process holds the write lock; a write gets 503 with Retry-After', async () => {
    const { server, reads, createPlaylist } = await setup();
    const other = new BetterSqlite3(server.store.path);
    other.exec('begin immediate');
    try {
      expect(await reads()).toEqual({ me: 200, stream: 200, bytes: 4096 });
      expect(await errorBody(await createPlaylist())).toEqual({
        status: 503,
        retryAfter: '1',
        body: { error: { code: 'unavailable', message: 'the database is busy: another tunes process kept it locked too long' } },
      });
    } finally {
      other.exec('rollback');
      other.close();
    }
    expect((await createPlaylist()).status).toBe(201);
  });

  it('serves reads from a read-only database; a write gets 503 saying so', async () => {
    const { server, reads, createPlaylist } = await setup();
    server.store.sqlite.pragma('query_only = 1');
    expect(await reads()).toEqual({ me: 200, stream: 200, bytes: 4096 });
    expect(await errorBody(await createPlaylist())).toEqual({
      status: 503,
      retryAfter: null,
      body: { error: { code: 'unavailable', message: "the server's database is read-only" } },
    });
  });

  it('answers a write on a full database with 503, and logs the details for the owner', async () => {
    const { server, createPlaylist } = await setup();
    const pages = server.store.sqlite.pragma('page_count', { simple: true }) as number;
    server.store.sqlite.pragma(`max_page_count = ${pages}`);
    let res: Response | undefined;
    // Each playlist fills a little of the last free page; the database is full within a few.
    for (let i = 0; i < 200 && (res === undefined || res.status === 201); i++) res = await createPlaylist();
    expect(await errorBody(res!)).toEqual({
      status: 503,
      retryAfter: null,
      body: { error: { code: 'unavailable', message: "the server's disk is full" } },
    });
    expect(server.logLines.some((line) => /^error POST \/api\/playlists: SqliteError: database or disk is full/.test(line))).toBe(true);
  });
});
