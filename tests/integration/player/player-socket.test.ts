import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { presentSong } from '../../../src/cli/present/song.js';
import { openLocalConfig } from '../../../src/config/local-config.js';
import type { PlayerEvent } from '../../../src/domain/player-state.js';
import { systemClock } from '../../../src/services/clock.js';
import { buildServices } from '../../../src/services/container.js';
import { makeTone } from '../../fixtures/playback/make-audio.js';
import { inProcessPlayer } from '../../helpers/player-daemon.js';
import { seedSongs } from '../../helpers/seed-songs.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { testDatabase } from '../../helpers/test-store.js';

async function player() {
  const store = await testDatabase();
  const dir = tempDir();
  const services = buildServices(store, openLocalConfig({ TUNES_HOME: tempDir() }), systemClock, { ...process.env, TUNES_AUDIO_OUTPUT: 'null' });
  const songs = await seedSongs(
    store,
    ['One', 'Two', 'Three'].map((title, i) => ({ title, artist: 'Tester', duration_ms: 20_000, path: makeTone(dir, title, { seconds: 20, frequency: 300 + 100 * i }) })),
  );
  return { ...(await inProcessPlayer(services)), songs };
}

/** A raw connection that speaks the protocol by hand, as a buggy or hostile client would. */
function raw(path: string): Promise<{ socket: Socket; lines: () => Promise<unknown[]>; next: () => Promise<unknown> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(path);
    const received: unknown[] = [];
    const waiting: Array<(line: unknown) => void> = [];
    let buffer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      let at: number;
      while ((at = buffer.indexOf('\n')) >= 0) {
        const message = JSON.parse(buffer.slice(0, at)) as unknown;
        buffer = buffer.slice(at + 1);
        const waiter = waiting.shift();
        if (waiter) waiter(message);
        else received.push(message);
      }
    });
    socket.once('error', reject);
    socket.once('connect', () =>
      resolve({
        socket,
        lines: async () => received.splice(0),
        next: () => (received.length > 0 ? Promise.resolve(received.shift()) : new Promise((r) => waiting.push(r))),
      }),
    );
  });
}

describe('the player socket', () => {
  it('answers each request by id, in order; garbage gets an error reply and hurts nobody', async () => {
    const p = await player();
    const bad = await raw(p.paths.socket);
    bad.socket.write('this is not json\n');
    expect(await bad.next()).toEqual({ id: null, ok: false, error: { code: 'invalid_input', message: 'each line must be one JSON request object' } });
    bad.socket.write('[1,2,3]\n{"id":7,"method":"frobnicate"}\n{"id":8,"method":"dispatch","command":{"type":"seek","seconds":"soon"}}\n');
    expect(await bad.next()).toMatchObject({ id: null, ok: false });
    expect(await bad.next()).toMatchObject({ id: 7, ok: false, error: { code: 'invalid_input', message: 'unknown method "frobnicate"' } });
    expect(await bad.next()).toMatchObject({ id: 8, ok: false, error: { code: 'invalid_input', message: 'seconds must be a number' } });
    bad.socket.write('{"id":"a","method":"dispatch","command":{"type":"play","selection":{"song_ids":[999]}}}\n');
    expect(await bad.next()).toMatchObject({ id: 'a', ok: false, error: { code: 'not_found', message: 'no song with id 999' } });
    bad.socket.write('{"id":9,"method":"hello"}\n');
    expect(await bad.next()).toEqual({ id: 9, ok: true, result: { protocol: 1, pid: process.pid } });

    // Meanwhile a well-behaved client is served as ever.
    const good = await p.connect();
    await good.dispatch({ type: 'play', selection: { song_ids: p.songs.map((s) => s.id) } });
    expect((await good.state()).song?.title).toBe('One');
  });

  it('cuts off a client that sends a line longer than the limit, and goes on serving', async () => {
    const p = await player();
    const flood = await raw(p.paths.socket);
    const closed = new Promise<void>((resolve) => flood.socket.on('close', () => resolve()));
    flood.socket.on('error', () => undefined);
    flood.socket.write(`{"id":1,"method":"hello","pad":"${'x'.repeat(2 * 1024 * 1024)}`);
    expect(await flood.next()).toMatchObject({ id: null, ok: false, error: { code: 'invalid_input' } });
    await closed;
    const good = await p.connect();
    expect((await good.request('hello')).protocol).toBe(1);
  });

  it('a client that disconnects mid-request changes nothing but its own connection', async () => {
    const p = await player();
    const leaving = await raw(p.paths.socket);
    leaving.socket.write(`${JSON.stringify({ id: 1, method: 'dispatch', command: { type: 'play', selection: { song_ids: p.songs.map((s) => s.id) } } })}\n`);
    leaving.socket.destroy();
    const good = await p.connect();
    for (;;) {
      const state = await good.state();
      if (state.status === 'playing' && state.song) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await good.dispatch({ type: 'next' });
    expect((await good.state()).song?.title).toBe('Two');
  });

  it('a subscriber gets the state, then every change after it, whoever made it', async () => {
    const p = await player();
    const watcher = await p.connect();
    const events: PlayerEvent[] = [];
    const initial = await watcher.subscribe((event) => events.push(event));
    expect(initial).toMatchObject({ status: 'stopped', song: null, queue_length: 0 });
    const other = await p.connect();
    await other.dispatch({ type: 'queue-add', selection: { song_ids: [p.songs[0]!.id, p.songs[1]!.id] }, placement: 'end' });
    await other.dispatch({ type: 'queue-play', index: 1 });
    while (!events.some((e) => e.type === 'track')) await new Promise((resolve) => setTimeout(resolve, 20));
    const kinds = events.map((e) => e.type);
    // The queue changed before the song it holds started.
    expect(kinds.indexOf('queue')).toBeLessThan(kinds.indexOf('track'));
    expect(events.find((e) => e.type === 'track')).toMatchObject({ type: 'track', song: { title: 'Two' }, index: 1, length: 2 });
    // Plain data only: each song is the CLI's song object, field for field (path last, no mtime or missing_since).
    const track = events.find((e) => e.type === 'track');
    expect(JSON.stringify(track?.type === 'track' && track.song)).toBe(JSON.stringify(presentSong(p.songs[1]!)));
  });
});
