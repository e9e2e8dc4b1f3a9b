import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AudioEngine } from '../../../src/player/audio-engine.js';
import { resolveMpvBinary } from '../../../src/player/mpv-binary.js';
import { spawnMpv } from '../../../src/player/mpv-process.js';
import { makeCorrupt, makeTone } from '../../fixtures/playback/make-audio.js';
import { processExists, recordEngine } from '../../helpers/engine-events.js';
import { tempDir } from '../../helpers/temp-dir.js';

const engines: AudioEngine[] = [];
function newEngine(extra: Partial<ConstructorParameters<typeof AudioEngine>[0]> = {}): AudioEngine {
  const engine = new AudioEngine({ resolveBinary: () => resolveMpvBinary(), audioOutput: 'null', ...extra });
  engines.push(engine);
  return engine;
}
afterEach(async () => {
  for (const engine of engines.splice(0)) await engine.shutdown();
});

/** Samples in a 16-bit mono WAV written by mpv's pcm output, and whether any of them is not silence. */
function readWav(path: string): { samples: number; channels: number; rate: number; loud: boolean } {
  const data = readFileSync(path);
  const channels = data.readUInt16LE(22);
  const rate = data.readUInt32LE(24);
  const bits = data.readUInt16LE(34);
  const body = data.subarray(44);
  let loud = false;
  for (let i = 0; i + 1 < body.length && !loud; i += 2) if (Math.abs(body.readInt16LE(i)) > 1000) loud = true;
  return { samples: body.length / (bits / 8) / channels, channels, rate, loud };
}

describe('AudioEngine against real mpv', () => {
  it('does not start mpv until asked', () => {
    const engine = newEngine();
    expect(engine.isRunning).toBe(false);
    expect(engine.pid).toBeUndefined();
  });

  it('loads, reports time, pauses, seeks and sets the volume', async () => {
    const dir = tempDir();
    const song = makeTone(dir, 'a', { seconds: 8 });
    const engine = newEngine();
    const rec = recordEngine(engine);
    const restarted = rec.next('playback-restart');
    const entry = await engine.load(song);
    expect(await rec.find('entry-start')).toEqual({ type: 'entry-start', entry });
    await restarted;
    const duration = await rec.find('duration', (e) => e.seconds !== null);
    expect(duration.seconds).toBeCloseTo(8, 0);
    await rec.next('time-pos', (e) => (e.seconds ?? 0) > 0.2);

    const paused = rec.next('pause', (e) => e.paused);
    await engine.setPaused(true);
    await paused;
    const resumed = rec.next('pause', (e) => !e.paused);
    await engine.setPaused(false);
    await resumed;

    const seeked = rec.next('playback-restart');
    await engine.seek(5, 'absolute');
    await seeked;
    const at = await rec.next('time-pos', (e) => e.seconds !== null);
    expect(at.seconds).toBeGreaterThanOrEqual(4.9);
    const back = rec.next('playback-restart');
    await engine.seek(-3, 'relative');
    await back;
    const later = await rec.next('time-pos', (e) => e.seconds !== null);
    expect(later.seconds).toBeLessThan(4.5);

    const volume = rec.next('volume', (e) => e.volume === 35);
    await engine.setVolume(35);
    await volume;
    const muted = rec.next('mute', (e) => e.muted);
    await engine.setMuted(true);
    await muted;
  });

  it('lets a seek mpv refuses (nothing loaded to seek in) pass quietly', async () => {
    const engine = newEngine();
    await engine.setPaused(true); // starts mpv, idle with no file
    await expect(engine.seek(5, 'relative')).resolves.toBeUndefined();
    expect(engine.isRunning).toBe(true);
  });

  it('reports the end of a file and goes idle at the end of its playlist', async () => {
    const dir = tempDir();
    const engine = newEngine();
    const rec = recordEngine(engine);
    const entry = await engine.load(makeTone(dir, 'short', { seconds: 0.6 }));
    const end = await rec.find('entry-end');
    expect(end).toEqual({ type: 'entry-end', entry, reason: 'eof' });
    // mpv often sends end-file and idle in one read: the idle may already be recorded.
    await rec.findAfter(end, 'idle');
  });

  it('plays a preloaded next file without a gap, decoding every sample (pcm output)', async () => {
    const dir = tempDir();
    const out = join(dir, 'out.wav');
    const engine = newEngine({ audioOutput: 'pcm', extraArgs: [`--ao-pcm-file=${out}`, '--audio-samplerate=22050', '--audio-channels=mono', '--audio-format=s16'] });
    const rec = recordEngine(engine);
    // Both files exist before the first plays: pcm output runs faster than real time.
    const one = makeTone(dir, 'one', { seconds: 1, frequency: 440 });
    const two = makeTone(dir, 'two', { seconds: 1.5, frequency: 660 });
    // Paused until both are queued: pcm output decodes a 1 s file in a few ms, which on a busy machine
    // could end the first before the second is appended.
    await engine.setPaused(true);
    const first = await engine.load(one);
    const second = await engine.append(two);
    await engine.setPaused(false);
    const ended = rec.find('entry-end', (e) => e.entry === second);
    expect((await rec.find('entry-start', (e) => e.entry === second)).entry).toBe(second);
    const end = await ended;
    expect(end.reason).toBe('eof');
    await rec.findAfter(end, 'idle');
    const firstEnd = rec.events.find((e) => e.type === 'entry-end' && e.entry === first);
    expect(firstEnd).toMatchObject({ reason: 'eof' });
    await engine.shutdown();

    const wav = readWav(out);
    expect(wav.rate).toBe(22050);
    expect(wav.loud).toBe(true);
    // 2.5 s of tones in, 2.5 s of samples out: no silence between the tracks, nothing dropped.
    expect(Math.abs(wav.samples - 2.5 * 22050)).toBeLessThan(0.05 * 22050);
  });

  it('reports an unplayable file as an error and moves on to the next entry', async () => {
    const dir = tempDir();
    const engine = newEngine();
    const rec = recordEngine(engine);
    const bad = await engine.load(makeCorrupt(dir, 'broken'));
    const missing = await engine.append(join(dir, 'not-there.ogg'));
    const good = await engine.append(makeTone(dir, 'fine', { seconds: 0.5 }));
    expect(await rec.find('entry-end', (e) => e.entry === bad)).toMatchObject({ reason: 'error' });
    expect(await rec.find('entry-end', (e) => e.entry === missing)).toMatchObject({ reason: 'error' });
    await rec.find('entry-start', (e) => e.entry === good);
    expect(await rec.find('entry-end', (e) => e.entry === good)).toMatchObject({ reason: 'eof' });
  });

  it('reports mpv dying mid-song and starts a new mpv on the next command', async () => {
    const dir = tempDir();
    const song = makeTone(dir, 'long', { seconds: 20 });
    const engine = newEngine();
    const rec = recordEngine(engine);
    await engine.load(song);
    await rec.find('playback-restart');
    const firstPid = engine.pid!;
    const crashed = rec.next('crash');
    process.kill(firstPid, 'SIGKILL');
    const crash = await crashed;
    expect(crash.error.message).toContain('mpv was killed (SIGKILL)');
    expect(engine.isRunning).toBe(false);

    const entry = await engine.load(song, { startSeconds: 3 });
    expect(engine.pid).not.toBe(firstPid);
    await rec.find('entry-start', (e) => e.entry === entry);
    const pos = await rec.next('time-pos', (e) => e.seconds !== null);
    expect(pos.seconds).toBeGreaterThanOrEqual(2.9);
  });

  it('leaves no mpv process behind after shutdown', async () => {
    const dir = tempDir();
    const engine = newEngine();
    const rec = recordEngine(engine);
    await engine.load(makeTone(dir, 'a', { seconds: 10 }));
    await rec.find('playback-restart');
    const pid = engine.pid!;
    expect(processExists(pid)).toBe(true);
    await engine.shutdown();
    expect(processExists(pid)).toBe(false);
    expect(rec.events.some((e) => e.type === 'crash')).toBe(false);
  });

  it('adopts an mpv started earlier (tunes play starts one while the CLI loads) and applies its volume', async () => {
    const dir = tempDir();
    const early = spawnMpv({ binary: resolveMpvBinary(), audioOutput: 'null' });
    const engine = newEngine({ adopt: () => early });
    await engine.setVolume(40);
    const rec = recordEngine(engine);
    await engine.start();
    expect(engine.pid).toBe((await early).pid);
    expect(await rec.find('volume', (e) => e.volume === 40)).toBeDefined();
    const entry = await engine.load(makeTone(dir, 'a', { seconds: 0.4 }));
    expect(await rec.find('entry-end')).toEqual({ type: 'entry-end', entry, reason: 'eof' });
  });

  it('also works over an IPC socket (--input-ipc-server, as on Windows)', async () => {
    const dir = tempDir();
    const engine = newEngine({ transport: 'socket' });
    const rec = recordEngine(engine);
    const entry = await engine.load(makeTone(dir, 'a', { seconds: 0.4 }));
    expect(await rec.find('entry-end')).toEqual({ type: 'entry-end', entry, reason: 'eof' });
  });

  it('fails with dependency_missing and an install hint when mpv is not there', async () => {
    const engine = newEngine({ resolveBinary: () => resolveMpvBinary({ PATH: tempDir() }) });
    await expect(engine.start()).rejects.toMatchObject({ code: 'dependency_missing', hint: expect.stringMatching(/apt|brew|winget/) });
    const named = newEngine({ resolveBinary: () => resolveMpvBinary({ TUNES_MPV: '/nowhere/mpv' }) });
    await expect(named.start()).rejects.toMatchObject({ code: 'dependency_missing', message: 'mpv not found at /nowhere/mpv (TUNES_MPV)' });
  });
});
