import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedSongs } from '../helpers/seed-songs.js';
import { tempDir } from '../helpers/temp-dir.js';
import { startTestServer } from '../helpers/test-server.js';

const SIZE = 100_003;

async function setup() {
  const server = await startTestServer();
  const { token } = await server.user('alice');
  const content = randomBytes(SIZE);
  const path = join(tempDir(), 'track.mp3');
  writeFileSync(path, content);
  const [song] = await seedSongs(server.store, [{ path, size: SIZE }]);
  const stream = (range?: string, method = 'GET') =>
    server.call(method, `/api/songs/${song!.id}/stream`, { token, ...(range ? { headers: { range } } : {}) });
  return { server, token, content, path, song: song!, stream };
}

async function bytesOf(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

describe('GET /api/songs/:id/stream', () => {
  it('sends the whole file with its type, length and Accept-Ranges', async () => {
    const { content, stream } = await setup();
    const res = await stream();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-length')).toBe(String(SIZE));
    expect((await bytesOf(res)).equals(content)).toBe(true);
  });

  it('answers ranges byte for byte: first bytes, middle, suffix, open-ended, past the end', async () => {
    const { content, stream } = await setup();
    const cases: Array<[string, number, number]> = [
      ['bytes=0-99', 0, 99],
      ['bytes=0-0', 0, 0],
      ['bytes=40000-59999', 40_000, 59_999],
      ['bytes=-500', SIZE - 500, SIZE - 1],
      ['bytes=99000-', 99_000, SIZE - 1],
      ['bytes=100000-200000', 100_000, SIZE - 1],
      ['bytes=-999999', 0, SIZE - 1],
    ];
    for (const [range, start, end] of cases) {
      const res = await stream(range);
      expect({ range, status: res.status }).toEqual({ range, status: 206 });
      expect(res.headers.get('content-range')).toBe(`bytes ${start}-${end}/${SIZE}`);
      expect(res.headers.get('content-length')).toBe(String(end - start + 1));
      expect(res.headers.get('accept-ranges')).toBe('bytes');
      const body = await bytesOf(res);
      expect(body.equals(content.subarray(start, end + 1))).toBe(true);
    }
  });

  it('answers unsatisfiable ranges with 416 and the size', async () => {
    const { stream } = await setup();
    for (const range of [`bytes=${SIZE}-`, 'bytes=500000-500100', 'bytes=-0']) {
      const res = await stream(range);
      expect(res.status).toBe(416);
      expect(res.headers.get('content-range')).toBe(`bytes */${SIZE}`);
      expect(await res.json()).toMatchObject({ error: { code: 'range_not_satisfiable' } });
    }
  });

  it('ignores ranges it does not honour and sends the whole file', async () => {
    const { content, stream } = await setup();
    for (const range of ['bytes=0-10,20-30', 'lines=1-2', 'bytes=9-3']) {
      const res = await stream(range);
      expect(res.status).toBe(200);
      expect((await bytesOf(res)).equals(content)).toBe(true);
    }
  });

  it('honours If-Range only for the same version of the file', async () => {
    const { server, token, content, path, song, stream } = await setup();
    const first = await stream('bytes=0-9');
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    await first.arrayBuffer();
    expect(etag).toMatch(/^"[0-9a-z]+-[0-9a-z]+"$/);
    const resume = (ifRange: string) =>
      server.call('GET', `/api/songs/${song.id}/stream`, { token, headers: { range: 'bytes=10-19', 'if-range': ifRange } });
    for (const validator of [etag, lastModified]) {
      const res = await resume(validator);
      expect(res.status).toBe(206);
      expect((await bytesOf(res)).equals(content.subarray(10, 20))).toBe(true);
    }
    writeFileSync(path, Buffer.concat([content, Buffer.from('more')]));
    const changed = await resume(etag);
    expect(changed.status).toBe(200);
    expect((await bytesOf(changed)).length).toBe(SIZE + 4);
  });

  it('answers HEAD with the headers and no body', async () => {
    const { stream } = await setup();
    const res = await stream('bytes=0-9', 'HEAD');
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe(`bytes 0-9/${SIZE}`);
    expect((await bytesOf(res)).length).toBe(0);
  });

  it('needs a token, a catalogue song and its file; ids are never paths', async () => {
    const { server, token, path, song, stream } = await setup();
    expect((await server.call('GET', `/api/songs/${song.id}/stream`)).status).toBe(401);
    expect((await server.call('GET', '/api/songs/9999/stream', { token })).status).toBe(404);
    for (const id of ['abc', '0', '-1', '1.5', '..%2F..%2Fetc%2Fpasswd', '%2Fetc%2Fpasswd']) {
      const res = await server.call('GET', `/api/songs/${id}/stream`, { token });
      expect({ id, status: res.status }).toEqual({ id, status: 400 });
    }
    await server.store.db.updateTable('songs').set({ missing_since: '2026-01-01T00:00:00.000Z' }).execute();
    expect((await stream()).status).toBe(404);
    await server.store.db.updateTable('songs').set({ missing_since: null }).execute();
    const back = await stream();
    expect(back.status).toBe(200);
    expect((await bytesOf(back)).length).toBe(SIZE);
    rmSync(path);
    const gone = await stream();
    expect(gone.status).toBe(404);
    expect(await gone.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});
