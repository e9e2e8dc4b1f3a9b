import { spawn } from 'node:child_process';
import { chmodSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTone } from '../fixtures/playback/make-audio.js';
import { cliLibrary } from '../helpers/cli-library.js';
import { mpvChildren } from '../helpers/engine-events.js';
import { playerPid, runTunes, TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { homeDatabaseEnv } from '../helpers/test-postgres.js';

/** alice (logged in) and a catalogue of three short real audio files on two albums. */
async function library(seconds = 0.8) {
  const dir = tempDir();
  const tone = (name: string, frequency: number) => makeTone(dir, name, { seconds, frequency });
  const { home, songs } = await cliLibrary(
    ['alice'],
    [
      { title: 'Morning', artist: 'Sunrise Band', album: 'Dawn', track_no: 1, duration_ms: seconds * 1000, path: tone('morning', 330) },
      { title: 'Noon', artist: 'Sunrise Band', album: 'Dawn', track_no: 2, duration_ms: seconds * 1000, path: tone('noon', 440) },
      { title: 'Midnight', artist: 'Owls', album: 'Night', track_no: 1, duration_ms: seconds * 1000, path: tone('midnight', 550) },
    ],
  );
  return { home, songs, dir };
}

describe('tunes play on a pipe', () => {
  it('plays the whole library in catalogue order, one line per track, and exits 0 at the end', async () => {
    const { home } = await library();
    const result = await runTunes(['play'], { home });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe('1/3 Owls - Midnight (0:01)\n2/3 Sunrise Band - Morning (0:01)\n3/3 Sunrise Band - Noon (0:01)\n');
  });

  it('--json prints one JSON object per track start', async () => {
    const { home, songs } = await library();
    const result = await runTunes(['play', 'sunrise', '--json'], { home });
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual([
      { event: 'track', position: 1, length: 2, song: expect.objectContaining({ id: songs[0]!.id, title: 'Morning', artist: 'Sunrise Band', album: 'Dawn', duration_ms: 800 }) },
      { event: 'track', position: 2, length: 2, song: expect.objectContaining({ id: songs[1]!.id, title: 'Noon', artist: 'Sunrise Band', album: 'Dawn', duration_ms: 800 }) },
    ]);
  });

  it('selects by words, --artist, --album, --playlist and --liked; --shuffle and --repeat are accepted', async () => {
    const { home, songs } = await library();
    const titles = (stdout: string) => stdout.trim().split('\n').map((l) => l.replace(/^\d+\/\d+ .* - (.*) \(.*$/, '$1'));
    expect(titles((await runTunes(['play', 'noon'], { home })).stdout)).toEqual(['Noon']);
    expect(titles((await runTunes(['play', '--artist', 'owls'], { home })).stdout)).toEqual(['Midnight']);
    expect(titles((await runTunes(['play', '--album', 'Dawn', '--shuffle'], { home })).stdout).sort()).toEqual(['Morning', 'Noon']);

    expect((await runTunes(['playlist', 'create', 'road-trip'], { home })).code).toBe(0);
    expect((await runTunes(['playlist', 'add', 'road-trip', String(songs[2]!.id), String(songs[0]!.id)], { home })).code).toBe(0);
    const trip = await runTunes(['play', '--playlist', 'road-trip', '--repeat', 'off'], { home });
    expect(trip.code).toBe(0);
    expect(titles(trip.stdout)).toEqual(['Midnight', 'Morning']);
    expect(titles((await runTunes(['play', '--playlist', 'road-trip', 'morning'], { home })).stdout)).toEqual(['Morning']);

    expect((await runTunes(['like', String(songs[1]!.id)], { home })).code).toBe(0);
    expect(titles((await runTunes(['play', '--liked'], { home })).stdout)).toEqual(['Noon']);
  });

  it('records history for songs listened to, shown by tunes history and tunes stats', async () => {
    const { home } = await library();
    expect((await runTunes(['history'], { home })).stdout).toBe('No listening history yet. Play something with: tunes play\n');
    await runTunes(['play', '--playlist', 'nope'], { home });
    expect((await runTunes(['play', 'sunrise'], { home })).code).toBe(0);

    const history = await runTunes(['history', '--json'], { home });
    expect(history.code).toBe(0);
    const plays = JSON.parse(history.stdout) as Array<{ song: { title: string }; ms_played: number; started_at: string }>;
    expect(plays.map((p) => p.song.title)).toEqual(['Noon', 'Morning']);
    for (const play of plays) expect(play.ms_played).toBeGreaterThanOrEqual(400);
    const human = await runTunes(['history', '--limit', '1'], { home });
    expect(human.stdout).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} {2}Sunrise Band - Noon {2}\(0:0\d played\)\n$/);
    // Times are shown in the listener's time zone (stored in UTC).
    const tokyo = await runTunes(['history', '--limit', '1'], { home, env: { TZ: 'Asia/Tokyo' } });
    const inTokyo = new Date(Date.parse(plays[0]?.started_at ?? '') + 9 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(tokyo.stdout.startsWith(`${inTokyo}  Sunrise Band - Noon`)).toBe(true);

    type Stats = { plays: number; top_songs: Array<{ name: string; plays: number }>; top_artists: Array<{ name: string; plays: number }> };
    const stats = JSON.parse((await runTunes(['stats', '--json'], { home })).stdout) as Stats;
    expect(stats.plays).toBe(2);
    expect(stats.top_songs.map((t) => [t.name, t.plays]).sort()).toEqual([['Morning', 1], ['Noon', 1]]);
    expect(stats.top_artists).toEqual([expect.objectContaining({ name: 'Sunrise Band', plays: 2 })]);
    const future = await runTunes(['stats', '--since', '2999-01-01'], { home });
    expect(future.stdout).toBe('No plays since 2999-01-01.\n');
    expect((await runTunes(['stats', '--since', 'soon'], { home })).code).toBe(2);
  });

  it('warns about a file that cannot be played and plays the rest', async () => {
    const { home, songs } = await library();
    rmSync(songs[2]!.path);
    const result = await runTunes(['play'], { home });
    expect(result.code).toBe(0);
    // Midnight keeps its place (1/3) in the queue; it just never starts.
    expect(result.stdout).toBe('2/3 Sunrise Band - Morning (0:01)\n3/3 Sunrise Band - Noon (0:01)\n');
    expect(result.stderr).toMatch(/^tunes: warning: cannot play "Midnight" \(.*midnight\.ogg\): .*; skipping it\n$/);

    // When nothing at all could be played, that is a failure (exit 6), not a quiet success.
    const alone = await runTunes(['play', 'midnight'], { home });
    expect(alone.code).toBe(6);
    expect(alone.stdout).toBe('');
    expect(alone.stderr).toContain('tunes: none of the selected songs could be played\n');
  });

  it('fails with exit 4 "no songs match", exit 2 on bad options, exit 3 for likes when logged out', async () => {
    const { home } = await library();
    expect(await runTunes(['play', 'zebra'], { home })).toMatchObject({ code: 4, stdout: '', stderr: 'tunes: no songs match\n' });
    const json = await runTunes(['play', 'zebra', '--json'], { home });
    expect(json.code).toBe(4);
    expect(JSON.parse(json.stderr)).toEqual({ error: { code: 'not_found', message: 'no songs match' } });
    expect((await runTunes(['play', '--repeat', 'twice'], { home })).code).toBe(2);
    expect((await runTunes(['play', '--liked', '--playlist', 'x'], { home })).code).toBe(2);
    await runTunes(['logout'], { home });
    expect((await runTunes(['play', '--liked'], { home })).code).toBe(3);
    expect((await runTunes(['history'], { home })).code).toBe(3);
    // Playing needs no account (nothing goes into history then).
    expect((await runTunes(['play', 'noon'], { home })).code).toBe(0);
  });

  it('reports a missing mpv first, with an install hint, exit 6', async () => {
    const { home } = await library();
    const result = await runTunes(['play', 'zebra'], { home, env: { TUNES_MPV: join(home, 'no-mpv-here') } });
    expect(result.code).toBe(6);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`tunes: mpv not found at ${join(home, 'no-mpv-here')} (TUNES_MPV)\nhint: install it with: sudo apt install mpv (Debian/Ubuntu), sudo dnf install mpv (Fedora) or brew install mpv\n`);
    // The player keeps the environment it started with: a new one sees the new PATH.
    await runTunes(['player', 'quit'], { home });
    const noPath = await runTunes(['play'], { home, env: { PATH: tempDir() } });
    expect(noPath.code).toBe(6);
    expect(noPath.stderr).toContain('mpv is not installed');
  });

  it('starts mpv only for playback, never for plain commands', async () => {
    const { home } = await library();
    const marker = join(home, 'mpv-started');
    const wrapper = join(home, 'mpv-wrapper.sh');
    writeFileSync(wrapper, `#!/bin/sh\ntouch '${marker}'\nexec mpv "$@"\n`);
    chmodSync(wrapper, 0o755);
    const env = { TUNES_MPV: wrapper };
    for (const args of [['songs'], ['history'], ['stats'], ['whoami'], ['playlist', 'list']]) {
      expect((await runTunes(args, { home, env })).code).toBe(0);
    }
    expect(existsSync(marker)).toBe(false);
    expect((await runTunes(['play', 'noon'], { home, env })).code).toBe(0);
    expect(existsSync(marker)).toBe(true);
  });

  it('fails with a clear error (exit 6) when mpv dies mid-song', async () => {
    const { home } = await library(30);
    const child = spawn(process.execPath, [TUNES_BIN, 'play'], {
      env: { ...process.env, TUNES_HOME: home, ...homeDatabaseEnv(home), TUNES_AUDIO_OUTPUT: 'null' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // mpv belongs to the background player, which `tunes play` started.
    process.kill(mpvChildren(playerPid(home)!)[0]!, 'SIGKILL');
    expect(await exited).toBe(6);
    expect(stderr).toBe('tunes: mpv was killed (SIGKILL); playback stopped\n');
  });

  it('stops quietly when the reader of its output goes away (tunes play | head -1)', async () => {
    const { home } = await library(5);
    const child = spawn(process.execPath, [TUNES_BIN, 'play'], {
      env: { ...process.env, TUNES_HOME: home, ...homeDatabaseEnv(home), TUNES_AUDIO_OUTPUT: 'null' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    // The music stopped with it (a foreground `tunes play` is the music), the player stays for the next command.
    expect((await runTunes(['status', '--format', '{state}'], { home })).stdout).toBe('stopped\n');
  });

  it('stops the music and exits on SIGTERM mid-song', async () => {
    const { home } = await library(30);
    const child = spawn(process.execPath, [TUNES_BIN, 'play'], {
      env: { ...process.env, TUNES_HOME: home, ...homeDatabaseEnv(home), TUNES_AUDIO_OUTPUT: 'null' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    const firstLine = new Promise<void>((resolve) =>
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        stdout += d;
        if (stdout.includes('\n')) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await firstLine;
    expect(mpvChildren(playerPid(home)!)).toHaveLength(1);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toBe('1/3 Owls - Midnight (0:30)\n');
    expect((await runTunes(['status', '--format', '{state} {title}'], { home })).stdout).toBe('stopped Midnight\n');
  });
});
