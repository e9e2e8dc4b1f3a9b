import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCorrupt } from '../../fixtures/playback/make-audio.js';
import { processExists } from '../../helpers/engine-events.js';
import { playbackHarness } from '../../helpers/playback-harness.js';

describe('playback service with real mpv', () => {
  it('plays a queue through to the end, in order, then reports ended', async () => {
    const h = await playbackHarness();
    const songs = await h.songs([{ title: 'A', seconds: 0.6 }, { title: 'B', seconds: 0.6 }, { title: 'C', seconds: 0.6 }]);
    const ended = h.next('ended');
    await h.playback.play(songs);
    await ended;
    expect(h.started()).toEqual(['A', 'B', 'C']);
    expect(h.playback.state()).toMatchObject({ status: 'ended', index: 2, length: 3 });
    // B and C were handed to mpv ahead of time (gapless): nothing had to be loaded between songs.
    const firstStart = h.events.findIndex((e) => e.type === 'track-start');
    const statuses = h.events.slice(firstStart).flatMap((e) => (e.type === 'state' ? [e.state.status] : []));
    expect(statuses).not.toContain('loading');
    expect(h.warnings()).toEqual([]);
  });

  it('refuses an empty selection with not_found "no songs match", without starting mpv', async () => {
    const h = await playbackHarness();
    await expect(h.playback.play([])).rejects.toMatchObject({ code: 'not_found', message: 'no songs match' });
    expect(h.engine.isRunning).toBe(false);
  });

  it('skips files that cannot be played, with a warning, and plays the rest', async () => {
    const h = await playbackHarness();
    const songs = await h.songs([
      { title: 'Good', seconds: 0.5 },
      { title: 'Missing', path: join(h.dir, 'gone.ogg') },
      { title: 'Corrupt', path: makeCorrupt(h.dir, 'corrupt') },
      { title: 'Last', seconds: 0.5 },
    ]);
    const ended = h.next('ended');
    await h.playback.play(songs);
    await ended;
    expect(h.started()).toEqual(['Good', 'Last']);
    expect(h.warnings()).toEqual([
      expect.stringMatching(/^cannot play "Missing" \(.*gone\.ogg\): .*; skipping it$/),
      expect.stringMatching(/^cannot play "Corrupt" /),
    ]);
  });

  it('stops when nothing in the queue can be played, even with repeat all', async () => {
    const h = await playbackHarness();
    const songs = await h.songs([{ title: 'X', path: join(h.dir, 'x.ogg') }, { title: 'Y', path: join(h.dir, 'y.ogg') }]);
    const ended = h.next('ended');
    await h.playback.play(songs, { repeat: 'all' });
    expect(await ended).toEqual({ type: 'ended', unplayable: true });
    expect(h.started()).toEqual([]);
    expect(h.warnings().at(-1)).toBe('nothing left in the queue could be played');
  });

  it('ends a queue skipped through before any song started as an ordinary end, not as unplayable', async () => {
    const h = await playbackHarness();
    const songs = await h.songs([{ title: 'A', seconds: 5 }, { title: 'B', seconds: 5 }]);
    const ended = h.next('ended');
    await h.playback.play(songs);
    await h.playback.next();
    await h.playback.next();
    expect(await ended).toEqual({ type: 'ended' });
    expect(h.warnings()).toEqual([]);
  });

  it('next, previous (restart after 3 s, else back one) and jump', async () => {
    const h = await playbackHarness();
    const songs = await h.songs([{ title: 'A', seconds: 10 }, { title: 'B', seconds: 10 }, { title: 'C', seconds: 10 }]);
    let started = h.next('track-start');
    await h.playback.play(songs);
    expect((await started).song.title).toBe('A');

    started = h.next('track-start');
    await h.playback.next();
    expect((await started).song.title).toBe('B');
    expect(h.playback.state().index).toBe(1);

    started = h.next('track-start');
    await h.playback.previous();
    expect((await started).song.title).toBe('A');

    started = h.next('track-start');
    await h.playback.jump(2);
    expect((await started).song.title).toBe('C');
    await h.playback.seek(5, 'absolute');
    await h.reaches((s) => s.positionMs > 4000);
    const restarted = h.reaches((s) => s.positionMs < 3000);
    await h.playback.previous();
    await restarted;
    expect(h.playback.state().song?.title).toBe('C');

    const ended = h.next('ended');
    await h.playback.next();
    await ended;
    expect(h.playback.state().status).toBe('ended');
  });

  it('pauses, resumes, seeks, sets and changes volume, mutes', async () => {
    const h = await playbackHarness();
    const songs = await h.songs([{ title: 'A', seconds: 20 }]);
    const started = h.next('track-start');
    await h.playback.play(songs);
    await started;
    expect(h.playback.state().status).toBe('playing');

    await h.playback.togglePause();
    await h.reaches((s) => s.status === 'paused');
    await h.playback.togglePause();
    await h.reaches((s) => s.status === 'playing');

    await h.playback.seek(12, 'absolute');
    await h.reaches((s) => s.positionMs >= 12_000);
    await h.playback.seek(-5, 'relative');
    await h.reaches((s) => s.positionMs < 9_000);

    await h.playback.setVolume(40);
    await h.playback.changeVolume(-15);
    await h.reaches((s) => s.volume === 25);
    await h.playback.changeVolume(500);
    expect(h.playback.state().volume).toBe(100);
    await expect(h.playback.setVolume(Number.NaN)).rejects.toMatchObject({ code: 'invalid_input' });
    await h.playback.toggleMute();
    await h.reaches((s) => s.muted);
  });

  it('repeat one plays the song again; shuffle keeps the current song; repeat values are checked', async () => {
    const h = await playbackHarness();
    const songs = await h.songs([{ title: 'A', seconds: 0.5 }, { title: 'B', seconds: 0.5 }]);
    const twice = h.next('track-start', () => h.started().length === 2);
    await h.playback.play(songs, { repeat: 'one' });
    await twice;
    expect(h.started()).toEqual(['A', 'A']);
    await h.playback.setRepeat('off');
    await h.playback.setShuffle(true);
    expect(h.playback.state()).toMatchObject({ shuffle: true, index: 0, song: { title: 'A' } });
    await expect(h.playback.setRepeat('sometimes' as 'off')).rejects.toMatchObject({ code: 'invalid_input' });
    const ended = h.next('ended');
    await ended;
    expect(h.started().slice(-1)).toEqual(['B']);
  });

  it('edits the queue while playing: add next / to end, move, remove (also the current song), clear', async () => {
    const h = await playbackHarness();
    const [a, b, c, x, y] = await h.songs(['A', 'B', 'C', 'X', 'Y'].map((title) => ({ title, seconds: 20 })));
    let started = h.next('track-start');
    await h.playback.play([a!, b!, c!]);
    await started;
    await h.playback.addNext([x!]);
    await h.playback.addToEnd([y!]);
    expect(h.playback.queue().map((s) => s.title)).toEqual(['A', 'X', 'B', 'C', 'Y']);
    started = h.next('track-start');
    await h.playback.next();
    expect((await started).song.title).toBe('X');

    await h.playback.move(4, 2);
    expect(h.playback.queue().map((s) => s.title)).toEqual(['A', 'X', 'Y', 'B', 'C']);
    started = h.next('track-start');
    await h.playback.remove(1);
    expect((await started).song.title).toBe('Y');
    expect(h.playback.state()).toMatchObject({ index: 1, length: 4 });
    await h.playback.remove(0);
    expect(h.playback.state()).toMatchObject({ index: 0, song: { title: 'Y' } });
    started = h.next('track-start');
    await h.playback.next();
    expect((await started).song.title).toBe('B');

    await h.playback.clear();
    expect(h.playback.state()).toMatchObject({ status: 'stopped', length: 0, song: null });
    await expect(h.playback.jump(0)).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('shuffle at the start picks a random first song and plays every song once', async () => {
    const h = await playbackHarness();
    const songs = await h.songs(Array.from({ length: 6 }, (_, i) => ({ title: `S${i}`, seconds: 0.3 })));
    const ended = h.next('ended');
    await h.playback.play(songs, { shuffle: true });
    await ended;
    expect([...h.started()].sort()).toEqual(['S0', 'S1', 'S2', 'S3', 'S4', 'S5']);
    // The harness's seeded random source picks S4 first: not simply the list's first song.
    expect(h.started()[0]).toBe('S4');
  });

  it('writes history only for songs listened to past the threshold', async () => {
    const h = await playbackHarness();
    const alice = await h.user();
    // 2 s songs: the threshold is 1 s. The first plays through; the second is skipped at once.
    const songs = await h.songs([{ title: 'Heard', seconds: 2 }, { title: 'Skipped', seconds: 2 }, { title: 'Also heard', seconds: 2 }]);
    const secondStarted = h.next('track-start', (e) => e.song.title === 'Skipped');
    // Queued while alice was logged in: their listens are hers.
    await h.playback.play(songs, { queuedBy: alice.id });
    await secondStarted;
    const thirdStarted = h.next('track-start', (e) => e.song.title === 'Also heard');
    await h.playback.next();
    await thirdStarted;
    await h.next('ended');

    const plays = await h.history.recent(alice.id);
    expect(plays.map((p) => p.song.title)).toEqual(['Also heard', 'Heard']);
    for (const play of plays) {
      expect(play.ms_played).toBeGreaterThanOrEqual(1000);
      expect(play.ms_played).toBeLessThanOrEqual(2100);
    }
  });

  it('keeps the queue when mpv dies and starts a new mpv on the next command', async () => {
    const h = await playbackHarness();
    const songs = await h.songs([{ title: 'A', seconds: 30 }, { title: 'B', seconds: 30 }]);
    const started = h.next('track-start');
    await h.playback.play(songs);
    await started;
    await h.playback.seek(10, 'absolute');
    await h.reaches((s) => s.positionMs >= 10_000);
    const pid = h.engine.pid!;
    const died = h.next('error');
    process.kill(pid, 'SIGKILL');
    expect((await died).error.message).toMatch(/^mpv was killed \(SIGKILL\); playback stopped/);
    expect(h.playback.state()).toMatchObject({ status: 'stopped', song: { title: 'A' }, length: 2, error: expect.stringContaining('mpv was killed') });

    const back = h.next('track-start');
    await h.playback.togglePause();
    expect((await back).song.title).toBe('A');
    expect(h.engine.pid).not.toBe(pid);
    const pos = await h.reaches((s) => s.positionMs > 0);
    expect(pos.positionMs).toBeGreaterThanOrEqual(9_500);
    expect(h.playback.state().error).toBeNull();
  });

  it('leaves no mpv behind after close', async () => {
    const h = await playbackHarness();
    const songs = await h.songs([{ title: 'A', seconds: 10 }]);
    const started = h.next('track-start');
    await h.playback.play(songs);
    await started;
    const pid = h.engine.pid!;
    await h.playback.close();
    expect(processExists(pid)).toBe(false);
  });
});
