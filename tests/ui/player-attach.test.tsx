import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildKeyTable } from '../../src/services/keys/key-table.js';
import { DEFAULT_STEPS } from '../../src/services/playback/command-words.js';
import { mpvChildren } from '../helpers/engine-events.js';
import { seedSongs } from '../helpers/seed-songs.js';
import { makeTone } from '../fixtures/playback/make-audio.js';
import { tempDir } from '../helpers/temp-dir.js';
import { KEYS, renderApp, uiFixture } from '../helpers/ui-harness.js';

/** alice logged in, real 20 s songs (albums of three: six by default), the browser attached to a real player. */
async function attached(options: Parameters<typeof uiFixture>[0] = {}, names = ['A1', 'A2', 'A3', 'B1', 'B2', 'B3']) {
  const fx = await uiFixture(options);
  await fx.register('alice');
  const dir = tempDir();
  const artists = ['Alpha', 'Beta', 'Charlie', 'Delta'];
  const albums = ['First', 'Second', 'Third', 'Fourth'];
  const songs = await seedSongs(
    fx.store,
    names.map((title, i) => ({
      title,
      artist: artists[Math.floor(i / 3)]!,
      album: albums[Math.floor(i / 3)]!,
      track_no: (i % 3) + 1,
      duration_ms: 20_000,
      path: makeTone(dir, title, { seconds: 20, frequency: 300 + 50 * i }),
    })),
  );
  return { fx, songs };
}

/** Titles in list order, from the list area only (the now-playing bar repeats one). */
const titles = (frame: string) => [...frame.split('\n').slice(1, -3).join('\n').matchAll(/\b([A-D][123])\b/g)].map((m) => m[1]);

describe('the browser attached to the background player', () => {
  it('shows and follows what another client makes the player do', async () => {
    const { fx, songs } = await attached();
    const other = await fx.player.connect();
    await other.dispatch({ type: 'play', selection: { song_ids: songs.map((s) => s.id) } });
    const app = renderApp(fx.connection);
    await app.waitFor((f) => /▶ A1 — Alpha/.test(f) && f.includes('playing'), 'playing what another client started');
    await other.dispatch({ type: 'next' });
    await app.waitFor((f) => /▶ A2 — Alpha/.test(f), 'the song `tunes next` moved to');
    await other.dispatch({ type: 'pause' });
    await app.waitFor((f) => /❚❚ A2 — Alpha/.test(f) && f.includes('paused'), 'paused elsewhere');
    // The Queue view follows queue changes made elsewhere.
    await app.type('h', 'j', 'j', 'j', 'j', 'j', 'l');
    await app.waitFor((f) => f.includes('tunes › Queue') && titles(f).length === 6, 'queue');
    await other.dispatch({ type: 'queue-remove', indexes: [5] });
    await app.waitFor((f) => titles(f).length === 5, 'the queue without the removed song');
    app.unmount();
  });

  it('e adds the selection to the end of the queue and E plays it next; an album or artist row adds its songs', async () => {
    const { fx } = await attached();
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('(1/6)'));
    await app.type('j', 'e');
    await app.waitFor((f) => f.includes('added to the queue: “A2”'));
    await app.type('j', 'E');
    await app.waitFor((f) => f.includes('playing next: “A3”'));
    // Albums: the row is an album; e takes all its songs.
    await app.type('h', 'j', 'j', 'l');
    await app.waitFor((f) => f.includes('tunes › Albums') && f.includes('Second'));
    await app.type('j', 'e');
    await app.waitFor((f) => f.includes('added to the queue: “Second” (3 songs)'));
    let queue = await (await fx.player.connect()).queue();
    expect(queue.entries.map((e) => e.song.title)).toEqual(['A3', 'A2', 'B1', 'B2', 'B3']);
    // Artists: the row is an artist; e takes the songs of their page.
    await app.type('h', 'k', 'l');
    await app.waitFor((f) => f.includes('tunes › Artists') && f.includes('Beta'));
    await app.type('e');
    await app.waitFor((f) => f.includes('added to the queue: Alpha (3 songs)'));
    queue = await (await fx.player.connect()).queue();
    expect(queue.entries.map((e) => e.song.title)).toEqual(['A3', 'A2', 'B1', 'B2', 'B3', 'A1', 'A2', 'A3']);
    app.unmount();
  });

  it('two J presses in one read move the song twice in the Queue, not back and forth', async () => {
    const { fx, songs } = await attached();
    await (await fx.player.connect()).dispatch({ type: 'queue-add', selection: { song_ids: songs.map((s) => s.id) }, placement: 'end' });
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('(1/6)'));
    await app.type('h', 'j', 'j', 'j', 'j', 'j', 'l');
    await app.waitFor((f) => f.includes('Queue (1/6)') && titles(f).length === 6);
    app.stdin.write('JJ');
    const moved = await app.waitFor((f) => f.includes('Queue (3/6)') && titles(f)[2] === 'A1', 'A1 two places down');
    expect(titles(moved)).toEqual(['A2', 'A3', 'A1', 'B1', 'B2', 'B3']);
    const queue = await (await fx.player.connect()).queue();
    expect(queue.entries.map((e) => e.song.title)).toEqual(['A2', 'A3', 'A1', 'B1', 'B2', 'B3']);
    app.unmount();
  });

  it('turning shuffle off puts the Queue back in its order', async () => {
    // Twelve songs: a shuffle that leaves eleven in place by chance would take a while.
    const ordered = ['A1', 'A2', 'A3', 'B1', 'B2', 'B3', 'C1', 'C2', 'C3', 'D1', 'D2', 'D3'];
    const { fx } = await attached({}, ordered);
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('(1/12)'));
    await app.type(KEYS.enter);
    await app.waitFor((f) => /▶ A1/.test(f));
    await app.type('s');
    await app.waitFor((f) => /shuffle {2}repeat/.test(f), 'shuffle on');
    await app.type('h', 'j', 'j', 'j', 'j', 'j', 'l');
    const shuffled = await app.waitFor((f) => f.includes('tunes › Queue') && titles(f).length === 12 && titles(f).join() !== ordered.join(), 'shuffled queue');
    expect(titles(shuffled)[0]).toBe('A1');
    await app.type('s');
    await app.waitFor((f) => f.includes('tunes › Queue') && titles(f).join() === ordered.join(), 'the queue in its order again');
    app.unmount();
  });

  it('with mpv missing, Enter says so and nothing shows as playing', async () => {
    const { fx } = await attached({ env: { TUNES_MPV: '/nowhere/mpv' } });
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('(1/6)'));
    await app.type(KEYS.enter);
    const frame = await app.waitFor((f) => f.includes('mpv not found at /nowhere/mpv'), 'the error');
    expect(frame).not.toContain('▶');
    expect(frame).toContain('■');
    app.unmount();
  });

  it('with an mpv that cannot start, Enter says why and nothing shows as playing', async () => {
    // A broken install: the binary is there, but it fails at once.
    const broken = join(tempDir(), 'mpv');
    writeFileSync(broken, '#!/bin/sh\necho "mpv: cannot open audio device" >&2\nexit 3\n');
    chmodSync(broken, 0o755);
    const { fx } = await attached({ env: { TUNES_MPV: broken } });
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('(1/6)'));
    await app.type(KEYS.enter);
    const frame = await app.waitFor((f) => f.includes('stopped: mpv exited with code 3: mpv: cannot open audio device'), 'the reason in the bar');
    expect(frame).toMatch(/■ A1 — Alpha/);
    expect(frame).not.toContain('▶');
    app.unmount();
  });

  it('after mpv dies the bar says stopped and why', async () => {
    const { fx } = await attached();
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('(1/6)'));
    await app.type(KEYS.enter);
    await app.waitFor((f) => /▶ A1/.test(f) && f.includes('playing'));
    for (const pid of mpvChildren(process.pid)) process.kill(pid, 'SIGKILL');
    const frame = await app.waitFor((f) => f.includes('stopped: mpv was killed (SIGKILL)'), 'the word and the reason');
    expect(frame).toMatch(/■ A1 — Alpha/);
    app.unmount();
  });

  it('Q stops the music and quits; q quits and leaves it playing', async () => {
    const { fx } = await attached();
    const app = renderApp(fx.connection);
    await app.waitFor((f) => f.includes('(1/6)'));
    await app.type(KEYS.enter);
    await app.waitFor((f) => /▶ A1/.test(f));
    await app.type('q');
    expect(app.quits()).toBe(1);
    expect((await (await fx.player.connect()).state()).status).toBe('playing');
    await app.type('Q');
    for (let i = 0; i < 100 && app.quits() < 2; i += 1) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(app.quits()).toBe(2);
    expect((await (await fx.player.connect()).state()).status).toBe('stopped');
    app.unmount();
  });

  it('? shows the bindings in force, the keys file included', async () => {
    const { fx } = await attached();
    const keys = buildKeyTable(DEFAULT_STEPS, { path: '/home/me/.config/tunes/keys', text: 'bind x next\nbind right seek +30\nunbind n\n' });
    const app = renderApp(fx.connection, { columns: 100, rows: 60 }, undefined, keys);
    await app.waitFor((f) => f.includes('(1/6)'));
    await app.type('?');
    const help = await app.waitFor((f) => f.includes('Keys'));
    expect(help).toMatch(/ x +next song/);
    expect(help).toMatch(/→ +seek forward 30 s/);
    expect(help).not.toMatch(/ n +next song/);
    app.unmount();
  });
});
