import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTone } from '../fixtures/playback/make-audio.js';
import { askMpv, mpvSpy, waitForMpv } from '../helpers/mpv-spy.js';
import { registerUser, runTunes, TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { homeDatabaseEnv, homeDatabaseEnvWords } from '../helpers/test-postgres.js';
import { openHomeDatabase } from '../helpers/test-store.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** An admin's TUNES_HOME whose library holds one real 30 s file tagged with ReplayGain, scanned by `library add`. */
async function taggedLibrary() {
  const home = tempDir();
  const music = tempDir();
  makeTone(music, 'levelled', {
    seconds: 30,
    format: 'flac',
    metadata: { TITLE: 'Levelled', ARTIST: 'Gain', REPLAYGAIN_TRACK_GAIN: '-6.48 dB', REPLAYGAIN_TRACK_PEAK: '0.988525', REPLAYGAIN_ALBUM_GAIN: '-7.10 dB' },
  });
  await registerUser(home, 'alice');
  expect((await runTunes(['library', 'add', music], { home })).code).toBe(0);
  const spy = mpvSpy(home);
  return { home, spy };
}

async function set(home: string, ...args: string[]) {
  const result = await runTunes(['config', 'set', ...args], { home });
  expect(result, result.stderr).toMatchObject({ code: 0 });
}

describe('settings reach the mpv tunes drives', () => {
  it('audio-device, replaygain (with the gain the scan stored) and mpv-options, read back over mpv IPC', async () => {
    const { home, spy } = await taggedLibrary();
    const store = await openHomeDatabase(home);
    const row = await store.db.selectFrom('songs').selectAll().executeTakeFirstOrThrow();
    await store.close();
    expect(row).toMatchObject({ replaygain_track_gain_db: -6.48, replaygain_track_peak: 0.988525, replaygain_album_gain_db: -7.1, replaygain_album_peak: null });
    const shown = (await runTunes(['songs', 'show', String(row.id)], { home })).stdout;
    expect(shown).toContain('\ntrack gain:    -6.48 dB (peak 0.988525)\nalbum gain:    -7.10 dB\n');

    await set(home, 'audio-device', 'alsa');
    await set(home, 'replaygain', 'album');
    await set(home, 'mpv-options', '--audio-buffer=0.5', '--af=lavfi=[volume=1.0]');

    const player = spawn(process.execPath, [TUNES_BIN, 'play'], {
      env: { ...process.env, TUNES_HOME: home, ...homeDatabaseEnv(home), TUNES_AUDIO_OUTPUT: 'null', TUNES_MPV: spy.binary },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    cleanups.push(() => player.kill('SIGKILL'));
    const exited = new Promise<number | null>((resolve) => player.on('exit', resolve));
    let stdout = '';
    player.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    for (let i = 0; !stdout.includes('1/1 Gain - Levelled') && i < 600; i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(stdout).toContain('1/1 Gain - Levelled');

    // The mpv started ahead of time (prespawn) had the same settings, so it is the only one.
    const starts = spy.starts();
    expect(starts).toHaveLength(1);
    const { socket, args } = starts[0]!;
    expect(args).toEqual(expect.arrayContaining(['--audio-device=alsa', '--replaygain=album', '--audio-buffer=0.5', '--af=lavfi=[volume=1.0]']));
    // The user's options come before tunes' own, so none of tunes' can be undone by them.
    expect(args.indexOf('--audio-buffer=0.5')).toBeLessThan(args.indexOf('--idle=yes'));

    await waitForMpv(socket, ['get_property', 'path'], (path) => typeof path === 'string' && path.endsWith('levelled.flac'));
    expect(await askMpv(socket, ['get_property', 'audio-device'])).toBe('alsa');
    expect(await askMpv(socket, ['get_property', 'replaygain'])).toBe('album');
    expect(await askMpv(socket, ['get_property', 'audio-buffer'])).toBe(0.5);
    // The album gain the scan stored applies whenever mpv finds none in the file itself.
    expect(await askMpv(socket, ['get_property', 'replaygain-fallback'])).toBeCloseTo(-7.1, 5);

    player.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('with the defaults mpv gets no device, no ReplayGain and no fallback gain', async () => {
    const { home, spy } = await taggedLibrary();
    const player = spawn(process.execPath, [TUNES_BIN, 'play'], {
      env: { ...process.env, TUNES_HOME: home, ...homeDatabaseEnv(home), TUNES_AUDIO_OUTPUT: 'null', TUNES_MPV: spy.binary },
      stdio: 'ignore',
    });
    cleanups.push(() => player.kill('SIGKILL'));
    for (let i = 0; spy.starts().length === 0 && i < 600; i += 1) await new Promise((r) => setTimeout(r, 50));
    const { socket, args } = spy.starts()[0]!;
    await waitForMpv(socket, ['get_property', 'path'], (path) => typeof path === 'string');
    expect(args.some((a) => a.startsWith('--audio-device') || a.startsWith('--replaygain'))).toBe(false);
    expect(await askMpv(socket, ['get_property', 'replaygain'])).toBe(false);
    expect(await askMpv(socket, ['get_property', 'replaygain-fallback'])).toBe(0);
    player.kill('SIGTERM');
  });

  it('a hand-edited setting that is not valid stops play with one line naming the file (exit 2)', async () => {
    const { home } = await taggedLibrary();
    const config = join(home, 'config.json');
    const stored = JSON.parse(execFileSync('cat', [config], { encoding: 'utf8' })) as Record<string, unknown>;
    writeFileSync(config, JSON.stringify({ ...stored, settings: { 'mpv-options': '--input-ipc-server=/tmp/x', 'seek-step': 'far' } }));
    const played = await runTunes(['play'], { home });
    expect(played.code).toBe(2);
    expect(played.stderr).toContain(`${config}: seek-step must be a whole number from 1 to 600`);
    const listed = await runTunes(['config', 'list'], { home });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/mpv-options += --input-ipc-server=\/tmp\/x {2}\(invalid: .*--input-ipc-server cannot be set here/);
    expect((await runTunes(['config', 'unset', 'seek-step'], { home })).code).toBe(0);
    expect((await runTunes(['config', 'unset', 'mpv-options'], { home })).code).toBe(0);
    // The background player keeps the environment it started with: a new one sees TUNES_MPV.
    await runTunes(['player', 'quit'], { home });
    expect((await runTunes(['play'], { home, env: { TUNES_MPV: '/nonexistent/mpv' } })).code).toBe(6);
  });
});

describe('seek-step and volume-step in tunes play on a terminal', () => {
  it('→ seeks by seek-step, - lowers the volume by volume-step, and the key help says so', async () => {
    const { home, spy } = await taggedLibrary();
    await set(home, 'seek-step', '12');
    await set(home, 'volume-step', '20');
    const server = `tunes-steps-${process.pid}-${Date.now()}`;
    cleanups.push(() => {
      try {
        execFileSync('tmux', ['-L', server, 'kill-server'], { stdio: 'ignore' });
      } catch {
        // already gone
      }
    });
    const command = `env TUNES_HOME=${home} ${homeDatabaseEnvWords(home)}TUNES_AUDIO_OUTPUT=null TUNES_MPV=${spy.binary} ${process.execPath} ${TUNES_BIN} play; sleep 600`;
    execFileSync('tmux', ['-L', server, '-f', '/dev/null', 'new-session', '-d', '-s', 'play', '-x', '100', '-y', '12', command]);
    const screen = () => execFileSync('tmux', ['-L', server, 'capture-pane', '-p', '-t', 'play'], { encoding: 'utf8' });
    const keys = (...names: string[]) => execFileSync('tmux', ['-L', server, 'send-keys', '-t', 'play', ...names]);
    for (let i = 0; !/vol 100/.test(screen()) && i < 600; i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(screen()).toContain('← -12s  → +12s');

    const { socket } = spy.starts()[0]!;
    // Paused, so the position moves only by the seek.
    keys('Space');
    await waitForMpv(socket, ['get_property', 'pause'], (paused) => paused === true);
    const start = (await waitForMpv(socket, ['get_property', 'time-pos'], (t) => typeof t === 'number')) as number;
    keys('Right');
    const after = (await waitForMpv(socket, ['get_property', 'time-pos'], (t) => typeof t === 'number' && t > start + 1)) as number;
    expect(after - start).toBeCloseTo(12, 0);
    keys('-');
    expect(await waitForMpv(socket, ['get_property', 'volume'], (v) => v !== 100)).toBe(80);
    for (let i = 0; !/vol 80/.test(screen()) && i < 600; i += 1) await new Promise((r) => setTimeout(r, 50));
    expect(screen()).toMatch(/vol 80/);
    keys('q');
  });
});
