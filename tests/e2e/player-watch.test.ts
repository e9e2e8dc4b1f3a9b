import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { makeTone } from '../fixtures/playback/make-audio.js';
import { mpc, mpdLibrary, playerLog, type ProcessResult } from '../helpers/mpd-library.js';
import { runTunes, TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A user namespace of our own with its own inotify limit: containers without user namespaces cannot make one. */
const canLimitInotify =
  spawnSync('unshare', ['--user', '--map-root-user', 'sh', '-c', 'echo 3 > /proc/sys/user/max_inotify_watches'], { stdio: 'ignore' }).status === 0;
if (!canLimitInotify) console.warn('player-watch: no user namespaces here (unshare --user failed): the inotify-limit test is skipped');

/** Polls `read` until `check` passes (at most `tries` times), failing with what it last saw. */
async function until<T>(what: string, read: () => Promise<T> | T, check: (value: T) => boolean, tries = 600): Promise<T> {
  let last: T | undefined;
  for (let i = 0; i < tries; i += 1) {
    last = await read();
    if (check(last)) return last;
    await sleep(100);
  }
  throw new Error(`${what}: still not so after ${tries} tries; last seen: ${JSON.stringify(last)}`);
}

/** An album folder made elsewhere and copied in whole, as a person drops one into their music folder. */
function copyAlbumInto(music: string, name: string): void {
  const staging = join(tempDir('tunes-staging-'), name);
  mkdirSync(staging);
  makeTone(staging, '01 First', { seconds: 2, metadata: { title: `${name} First`, artist: 'Copier', album: name } });
  makeTone(staging, '02 Second', { seconds: 2, metadata: { title: `${name} Second`, artist: 'Copier', album: name } });
  cpSync(staging, join(music, name), { recursive: true });
}

async function playerWithMpd(env: NodeJS.ProcessEnv = {}) {
  const library = await mpdLibrary();
  const socket = join(tempDir(), 'mpd.sock');
  expect((await runTunes(['config', 'set', 'mpd-listen', socket], { home: library.home })).code).toBe(0);
  const run = (...args: string[]): Promise<ProcessResult> => mpc(socket, args);
  return { ...library, socket, mpc: run, env };
}

const songsOf = async (mpcRun: (...args: string[]) => Promise<ProcessResult>, artist: string) => (await mpcRun('find', 'artist', artist)).stdout;

describe('the background player keeps the library up to date', () => {
  it('watches the library folders: an album copied in shows up, `mpc idle database` wakes, and tunes library scan runs beside it', async () => {
    const { home, music, mpc: run } = await playerWithMpd();
    expect((await runTunes(['play', '--album', 'Night', '-b'], { home })).code).toBe(0);
    await until('the watch is ready', () => playerLog(home), (log) => log.includes('watch: watching 1 library folder(s) for changes'));

    copyAlbumInto(music, 'Copied One');
    await until('the copied album is in the library', () => songsOf(run, 'Copier'), (out) => out === 'music/Copied One/01 First.ogg\nmusic/Copied One/02 Second.ogg\n');
    expect((await run('ls', 'music')).stdout).toBe('music/Copied One\nmusic/Owls\nmusic/Sunrise Band\n');
    // The same scan code: tags read, the player went on playing.
    expect((await run('list', 'title', 'album', 'Copied One')).stdout).toBe('Copied One First\nCopied One Second\n');
    expect((await runTunes(['status', '--json'], { home })).stdout).toContain('"status":"playing"');

    // `mpc idle database` returns once a change has been scanned (copies go on until the connected mpc hears one).
    let heard: ProcessResult | undefined;
    const idle = run('idle', 'database').then((result) => (heard = result));
    for (let n = 2; heard === undefined; n += 1) {
      copyAlbumInto(music, `Copied ${n}`);
      await until(`album ${n} scanned`, () => songsOf(run, 'Copier'), (out) => out.includes(`Copied ${n}/02 Second.ogg`));
    }
    expect(await idle).toEqual({ code: 0, stdout: 'database\n', stderr: '' });

    // The player's watch takes the scan lock only while it scans: a scan from a shell is not refused.
    const scan = await runTunes(['library', 'scan', '--json'], { home });
    expect(scan.code, scan.stderr).toBe(0);
  }, 180_000);

  it('runs beside `tunes serve --watch` on the same library: both start, and each scans a copied album in its turn', async () => {
    const { home, music, mpc: run } = await playerWithMpd();
    expect((await runTunes(['play', '--album', 'Night', '-b'], { home })).code).toBe(0);
    await until('the player watches', () => playerLog(home), (log) => log.includes('watch: watching 1 library folder(s)'));
    const serve = spawn(process.execPath, [TUNES_BIN, 'serve', '--port', '0', '--watch'], { env: { ...process.env, TUNES_HOME: home, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let served = '';
    serve.stdout.setEncoding('utf8').on('data', (d: string) => (served += d));
    serve.stderr.setEncoding('utf8').on('data', (d: string) => (served += d));
    const exited = new Promise<number | null>((resolve) => serve.on('exit', (code) => resolve(code)));
    try {
      await until('serve --watch is up', () => served, (text) => text.includes('tunes serve: listening on ') && text.includes('Full check: '));
      copyAlbumInto(music, 'Shared');
      await until('the album is in the library', () => songsOf(run, 'Copier'), (out) => out === 'music/Shared/01 First.ogg\nmusic/Shared/02 Second.ogg\n');
      // Both saw the change; each scans under the scan lock in turn (the second finds it done).
      await until('serve scanned the folder too', () => served, (text) => text.includes(`${join(music, 'Shared')}: Scanned`));
    } finally {
      serve.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  }, 180_000);

  it('`mpc update` scans with the watch turned off (`tunes config set watch off`), and `mpc --wait update` returns when it is done', async () => {
    const { home, music, mpc: run } = await playerWithMpd();
    expect((await runTunes(['config', 'set', 'watch', 'off'], { home })).code).toBe(0);
    expect((await runTunes(['play', '--album', 'Night', '-b'], { home })).code).toBe(0);
    copyAlbumInto(music, 'Unwatched');
    // Nothing is watching: the album waits for an update (no fixed sleep can prove a negative; the log says it).
    expect(playerLog(home)).not.toContain('watch:');
    expect(await songsOf(run, 'Copier')).toBe('');

    const update = await run('--wait', 'update');
    expect(update.code, update.stderr).toBe(0);
    expect(await songsOf(run, 'Copier')).toBe('music/Unwatched/01 First.ogg\nmusic/Unwatched/02 Second.ogg\n');
    expect((await run('status')).stdout).not.toContain('Updating DB');
    expect((await run('update', 'nowhere/at/all')).code).not.toBe(0);
  }, 180_000);

  it.skipIf(!canLimitInotify)('when the system will not watch more folders: one clear warning, and the player still updates', async () => {
    // A real inotify limit, in a user namespace of this test's own (the machine's limit stays as it is).
    const { home, music, mpc: run } = await playerWithMpd();
    const started = await new Promise<ProcessResult>((resolve) => {
      const child = spawn(
        'unshare',
        ['--user', '--map-root-user', 'sh', '-c', 'echo 3 > /proc/sys/user/max_inotify_watches && exec "$0" "$@"', process.execPath, TUNES_BIN, 'play', '--album', 'Night', '-b'],
        { env: { ...process.env, TUNES_HOME: home, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('exit', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    });
    expect(started.code, started.stderr).toBe(0);
    const log = await until('the limit warning', () => playerLog(home), (text) => text.includes('watch: warning: the system will not watch more folders'));
    expect(log).toContain('checking everything every 5 minutes instead (raise fs.inotify.max_user_watches to watch them all)');
    await until('the watch carries on with checks', () => playerLog(home), (text) => text.includes('watch: checking the library folders every few minutes'));

    copyAlbumInto(music, 'Past The Limit');
    const update = await run('--wait', 'update');
    expect(update.code, update.stderr + playerLog(home)).toBe(0);
    expect(await songsOf(run, 'Copier')).toBe('music/Past The Limit/01 First.ogg\nmusic/Past The Limit/02 Second.ogg\n');
    expect(playerLog(home).split('watch: warning:').length - 1).toBe(1);
  }, 180_000);
});
