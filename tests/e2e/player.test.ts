import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { makeTone } from '../fixtures/playback/make-audio.js';
import { cliLibrary } from '../helpers/cli-library.js';
import { mpvChildren } from '../helpers/engine-events.js';
import { isRunning, playerPid, runTunes, TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { homeDatabaseEnv } from '../helpers/test-postgres.js';

/** alice (logged in) and four real 30 s songs on two albums. */
async function library() {
  const dir = tempDir();
  const tone = (name: string, frequency: number) => makeTone(dir, name, { seconds: 30, frequency });
  return cliLibrary(
    ['alice'],
    [
      { title: 'Morning', artist: 'Sunrise Band', album: 'Dawn', track_no: 1, duration_ms: 30_000, path: tone('morning', 330) },
      { title: 'Noon', artist: 'Sunrise Band', album: 'Dawn', track_no: 2, duration_ms: 30_000, path: tone('noon', 440) },
      { title: 'Dusk', artist: 'Sunrise Band', album: 'Dawn', track_no: 3, duration_ms: 30_000, path: tone('dusk', 495) },
      { title: 'Midnight', artist: 'Owls', album: 'Night', track_no: 1, duration_ms: 30_000, path: tone('midnight', 550) },
    ],
  );
}

const json = <T>(stdout: string) => JSON.parse(stdout) as T;
type Status = { status: string; song: { title: string } | null; position_ms: number; volume: number; shuffle: boolean; repeat: string; queue_position: number | null; queue_length: number };

/** Polls `tunes status --json` until `check` holds (the test timeout catches a hang). */
async function statusWhen(home: string, check: (s: Status) => boolean): Promise<Status> {
  for (;;) {
    const status = json<Status>((await runTunes(['status', '--json'], { home })).stdout);
    if (check(status)) return status;
    await sleep(100);
  }
}

describe('the background player', () => {
  it('status with no player prints stopped and starts nothing', async () => {
    const { home } = await library();
    expect(await runTunes(['status'], { home })).toEqual({ code: 0, stdout: 'stopped\n', stderr: '' });
    expect(json<Status>((await runTunes(['status', '--json'], { home })).stdout)).toMatchObject({ status: 'stopped', song: null, queue_length: 0 });
    expect((await runTunes(['pause'], { home })).code).toBe(0);
    expect((await runTunes(['stop'], { home })).code).toBe(0);
    expect(await runTunes(['player', 'quit'], { home })).toMatchObject({ code: 0, stdout: 'no player is running\n' });
    expect(playerPid(home)).toBeUndefined();
  });

  it('is started by one command and driven by others, each a separate process', async () => {
    const { home, songs } = await library();
    const started = await runTunes(['play', '--album', 'Dawn', '-b'], { home });
    expect(started).toMatchObject({ code: 0, stdout: 'playing: Sunrise Band - Morning (1/3)\n', stderr: '' });
    const pid = playerPid(home)!;
    expect(isRunning(pid)).toBe(true);
    expect(mpvChildren(pid)).toHaveLength(1);

    expect((await runTunes(['next'], { home })).stdout).toBe('playing: Sunrise Band - Noon (2/3)\n');
    await statusWhen(home, (s) => s.song?.title === 'Noon' && s.position_ms > 0);
    expect((await runTunes(['pause'], { home })).stdout).toBe('paused: Sunrise Band - Noon (2/3)\n');
    expect((await runTunes(['toggle'], { home })).stdout).toBe('playing: Sunrise Band - Noon (2/3)\n');
    expect((await runTunes(['seek', '20'], { home })).code).toBe(0);
    await statusWhen(home, (s) => s.position_ms >= 20_000);
    expect((await runTunes(['seek', '-10'], { home })).code).toBe(0);
    await statusWhen(home, (s) => s.position_ms < 20_000);
    expect(await runTunes(['volume', '40'], { home })).toMatchObject({ code: 0, stdout: 'volume 40%\n' });
    expect((await runTunes(['volume', '-5'], { home })).stdout).toBe('volume 35%\n');
    expect((await runTunes(['repeat', 'all'], { home })).stdout).toBe('repeat all\n');
    expect((await runTunes(['shuffle', 'off'], { home })).stdout).toBe('shuffle off\n');
    const format = await runTunes(['status', '--format', '{state}|{artist} - {title}|{length}|{volume}|{repeat}|{position}/{queue_length}|{path}'], { home });
    expect(format.stdout).toBe(`playing|Sunrise Band - Noon|0:30|35|all|2/3|${songs.find((s) => s.title === 'Noon')!.path}\n`);

    // The queue takes additions without being replaced.
    const midnight = songs.find((s) => s.title === 'Midnight')!;
    expect((await runTunes(['queue', 'add', String(midnight.id), '--next'], { home })).stdout).toBe('added 1 song to play next (4 songs queued)\n');
    expect((await runTunes(['queue', 'add', '--search', 'morning'], { home })).stdout).toBe('added 1 song to the end of the queue (5 songs queued)\n');
    const queue = json<{ current_position: number; entries: Array<{ position: number; current: boolean; song: { title: string } }> }>(
      (await runTunes(['queue', '--json'], { home })).stdout,
    );
    expect(queue.current_position).toBe(2);
    expect(queue.entries.map((e) => e.song.title)).toEqual(['Morning', 'Noon', 'Midnight', 'Dusk', 'Morning']);
    // The songs are the CLI's one song object, field for field what `tunes songs --json` prints (path included).
    const catalogue = json<Array<{ id: number }>>((await runTunes(['songs', '--json'], { home })).stdout);
    const asListed = (song: unknown) => catalogue.find((s) => s.id === (song as { id: number }).id);
    for (const entry of queue.entries) expect(JSON.stringify(entry.song)).toBe(JSON.stringify(asListed(entry.song)));
    const status = json<{ song: unknown }>((await runTunes(['status', '--json'], { home })).stdout);
    expect(JSON.stringify(status.song)).toBe(JSON.stringify(asListed(status.song)));
    const listed = (await runTunes(['queue'], { home })).stdout.split('\n');
    expect(listed[1]).toMatch(/^▶ 2 {2}Noon +Sunrise Band +Dawn +0:30$/);
    expect(listed.at(-2)).toBe('5 songs, 2:30');

    // Morning Noon Midnight Dusk Morning -> (move 5 to 1) Morning Morning Noon Midnight Dusk -> (remove 1, 4) Morning Noon Dusk
    expect((await runTunes(['queue', 'move', '5', '1'], { home })).stdout).toBe('playing: Sunrise Band - Noon (3/5)\n');
    expect((await runTunes(['queue', 'remove', '1', '4'], { home })).stdout).toBe('removed 2 songs\n');
    expect((await runTunes(['queue', 'play', '3'], { home })).stdout).toBe('playing: Sunrise Band - Dusk (3/3)\n');
    expect((await runTunes(['prev'], { home })).stdout).toBe('playing: Sunrise Band - Noon (2/3)\n');
    expect((await runTunes(['stop'], { home })).stdout).toBe('stopped: Sunrise Band - Noon (2/3)\n');
    expect((await runTunes(['queue', 'clear'], { home })).stdout).toBe('cleared the queue (3 songs)\n');
    expect(await runTunes(['resume'], { home })).toMatchObject({ code: 4, stderr: 'tunes: the queue is empty\nhint: add songs with `tunes queue add` or `tunes play`\n' });

    // One player served every command.
    expect(playerPid(home)).toBe(pid);
    expect(await runTunes(['player', 'quit'], { home })).toMatchObject({ code: 0, stdout: 'the player has ended\n' });
    expect(mpvChildren(pid)).toEqual([]);
    while (isRunning(pid)) await sleep(20);
    expect(playerPid(home)).toBeUndefined();
  });

  it('next and prev while paused keep the pause and say so, as mpc does', async () => {
    const { home } = await library();
    await runTunes(['play', '--album', 'Dawn', '-b'], { home });
    await statusWhen(home, (s) => s.status === 'playing' && s.position_ms > 0);
    expect((await runTunes(['pause'], { home })).stdout).toBe('paused: Sunrise Band - Morning (1/3)\n');
    expect((await runTunes(['next'], { home })).stdout).toBe('paused: Sunrise Band - Noon (2/3)\n');
    expect(json<Status>((await runTunes(['next', '--json'], { home })).stdout)).toMatchObject({ status: 'paused', song: { title: 'Dusk' } });
    expect((await runTunes(['prev'], { home })).stdout).toBe('paused: Sunrise Band - Noon (2/3)\n');
    // Once mpv has the song it is still paused: the position does not move.
    const settled = await statusWhen(home, (s) => s.song?.title === 'Noon' && s.status === 'paused');
    await sleep(1500);
    const later = json<Status>((await runTunes(['status', '--json'], { home })).stdout);
    expect(later).toMatchObject({ status: 'paused', song: { title: 'Noon' } });
    expect(later.position_ms).toBe(settled.position_ms);
    expect((await runTunes(['toggle'], { home })).stdout).toBe('playing: Sunrise Band - Noon (2/3)\n');
    await statusWhen(home, (s) => s.status === 'playing' && s.position_ms > 0);
  });

  it('keeps its socket in a folder only the user can enter, the socket 0600', async () => {
    const { home } = await library();
    await runTunes(['play', 'noon', '-b'], { home });
    const run = join(home, 'run');
    expect(statSync(run).mode & 0o777).toBe(0o700);
    const socket = readdirSync(run).find((name) => name.endsWith('.sock'))!;
    expect(statSync(join(run, socket)).isSocket()).toBe(true);
    expect(statSync(join(run, socket)).mode & 0o777).toBe(0o600);
    // The saved queue (written as it changes) is the user's alone too.
    let state: string | undefined;
    while (!(state = readdirSync(home).find((name) => /^player-\w+\.json$/.test(name)))) await sleep(20);
    expect(statSync(join(home, state)).mode & 0o777).toBe(0o600);
  });

  it('two commands racing to start it start one player, and both are served', async () => {
    const { home } = await library();
    const results = await Promise.all([
      runTunes(['queue', 'add', '--search', 'morning'], { home }),
      runTunes(['queue', 'add', '--search', 'noon'], { home }),
      runTunes(['queue', 'add', '--search', 'dusk'], { home }),
    ]);
    for (const result of results) expect(result).toMatchObject({ code: 0, stderr: '' });
    const queue = json<{ entries: Array<{ song: { title: string } }> }>((await runTunes(['queue', '--json'], { home })).stdout);
    expect(queue.entries.map((e) => e.song.title).sort()).toEqual(['Dusk', 'Morning', 'Noon']);
    const players = processesRunning(home);
    expect(players).toHaveLength(1);
  });

  it('after kill -9, resume carries on with the saved queue at the saved song and position', async () => {
    const { home } = await library();
    await runTunes(['play', '--album', 'Dawn', '-b'], { home });
    await runTunes(['next'], { home });
    await runTunes(['seek', '12'], { home });
    await runTunes(['queue', 'add', '--search', 'midnight'], { home });
    await runTunes(['repeat', 'all'], { home });
    await statusWhen(home, (s) => s.position_ms >= 12_000);
    const pid = playerPid(home)!;
    process.kill(pid, 'SIGKILL');
    while (isRunning(pid)) await sleep(20);

    // Nothing runs now: status says so, and starts nothing.
    expect((await runTunes(['status'], { home })).stdout).toBe('stopped\n');
    expect(await runTunes(['resume'], { home })).toMatchObject({ code: 0, stdout: 'playing: Sunrise Band - Noon (2/4)\n' });
    expect(playerPid(home)).not.toBe(pid);
    const status = await statusWhen(home, (s) => s.status === 'playing' && s.position_ms > 0);
    // At most a few seconds lost: it was at 12 s when killed.
    expect(status.position_ms).toBeGreaterThanOrEqual(7_000);
    expect(status).toMatchObject({ repeat: 'all', queue_length: 4, queue_position: 2 });
  });

  it('records history for the account logged in when the song was queued', async () => {
    const dir = tempDir();
    const { home } = await cliLibrary(['alice', 'bob'], [{ title: 'Short', artist: 'X', duration_ms: 1000, path: makeTone(dir, 'short', { seconds: 1 }) }]);
    // bob is logged in (the last registered): he queues it; alice logs in before it has played.
    await runTunes(['play', 'short', '-b'], { home });
    await runTunes(['login', 'alice', '--password-stdin'], { home, input: 'correct horse\n' });
    await statusWhen(home, (s) => s.status === 'stopped');
    const history = (user: string) => runTunes(['history', '--json'], { home }).then((r) => ({ user, plays: json<unknown[]>(r.stdout).length }));
    expect(await history('alice')).toEqual({ user: 'alice', plays: 0 });
    await runTunes(['login', 'bob', '--password-stdin'], { home, input: 'correct horse\n' });
    expect(await history('bob')).toEqual({ user: 'bob', plays: 1 });
  });

  it('ends by itself after the idle timeout, stopped with nobody attached (tunes config idle-timeout)', async () => {
    const { home } = await library();
    expect(await runTunes(['config', 'set', 'idle-timeout', '1'], { home })).toMatchObject({ code: 0, stdout: 'idle-timeout = 1\n' });
    await runTunes(['play', 'noon', '-b'], { home });
    const pid = playerPid(home)!;
    await sleep(2_000);
    // Playing is not idle.
    expect(isRunning(pid)).toBe(true);
    await runTunes(['pause'], { home });
    while (isRunning(pid)) await sleep(100);
    // It saved its queue on the way out.
    expect((await runTunes(['resume'], { home })).stdout).toBe('playing: Sunrise Band - Noon (1/1)\n');
  });

  it('status --follow prints a line on every change, and waits for a player to come back', async () => {
    const { home } = await library();
    const follower = spawn(process.execPath, [TUNES_BIN, 'status', '--follow', '--format', '{state} {title}'], {
      env: { ...process.env, TUNES_HOME: home, ...homeDatabaseEnv(home), TUNES_AUDIO_OUTPUT: 'null' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    follower.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    const seen = async (line: string) => {
      while (!out.split('\n').includes(line)) await sleep(50);
    };
    await seen('stopped ');
    await runTunes(['play', 'noon', '-b'], { home });
    await seen('playing Noon');
    await runTunes(['pause'], { home });
    await seen('paused Noon');
    await runTunes(['player', 'quit'], { home });
    await runTunes(['play', 'dusk', '-b'], { home });
    await seen('playing Dusk');
    const exited = new Promise<number | null>((resolve) => follower.on('exit', resolve));
    follower.kill('SIGINT');
    expect(await exited).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines.indexOf('paused Noon')).toBeLessThan(lines.lastIndexOf('stopped '));
    // No line twice in a row: only changes are printed.
    expect(lines.every((line, i) => line !== lines[i - 1])).toBe(true);
  });
});

/** Player processes serving this TUNES_HOME, from /proc (their command lines name it through the environment). */
function processesRunning(home: string): number[] {
  return readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry) || !isRunning(Number(entry))) return [];
    try {
      const args = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      const env = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      return args.includes('player') && args.includes('run') && env.includes(`TUNES_HOME=${home}`) && existsSync(home) ? [Number(entry)] : [];
    } catch {
      return [];
    }
  });
}
