import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { freePort } from '../bench/lib/peers.js';
import { mpc, mpdLibrary, playerLog } from '../helpers/mpd-library.js';
import { isRunning, playerPid, runTunes } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

type Status = { status: string; song: { title: string } | null; position_ms: number; volume: number; shuffle: boolean; queue_length: number };
const status = async (home: string) => JSON.parse((await runTunes(['status', '--json'], { home })).stdout) as Status;

async function until<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    await sleep(100);
  }
}

/** A player with the MPD bridge on a socket of the test's own (mpc -h /path). */
async function playerWithMpd() {
  const library = await mpdLibrary();
  const socket = join(tempDir(), 'mpd.sock');
  expect((await runTunes(['config', 'set', 'mpd-listen', socket], { home: library.home })).code).toBe(0);
  return { ...library, socket, mpc: (...args: string[]) => mpc(socket, args) };
}

describe('the MPD bridge driven by Debian mpc', () => {
  it('answers status, add, play, next, volume, playlist, search, ls, seek and random in the same player tunes drives', async () => {
    const { home, mpc, songs } = await playerWithMpd();
    // A stopped player with an empty queue: started by a command, the bridge with it.
    expect((await runTunes(['play', '--album', 'Night', '-b'], { home })).code).toBe(0);
    expect((await runTunes(['stop'], { home })).code).toBe(0);
    expect((await runTunes(['queue', 'clear'], { home })).code).toBe(0);
    expect((await mpc('status')).stdout).toBe('volume:100%   repeat: off   random: off   single: off   consume: off\n');

    // The root holds the library folder and, as MPD's does, the stored playlists (here the built-in smart ones).
    expect(await mpc('ls')).toMatchObject({ code: 0, stdout: 'music\nForgotten favourites\nMost played\nNever played\nRecently added\n' });
    expect((await mpc('ls', 'music')).stdout).toBe('music/Owls\nmusic/Sunrise Band\n');
    expect((await mpc('ls', 'music/Sunrise Band/Dawn')).stdout).toBe(
      'music/Sunrise Band/Dawn/01 Morning.ogg\nmusic/Sunrise Band/Dawn/02 Noon.ogg\nmusic/Sunrise Band/Dawn/03 Dusk.ogg\n',
    );
    expect((await mpc('add', 'music/Sunrise Band/Dawn')).code).toBe(0);
    expect((await mpc('playlist')).stdout).toBe('Sunrise Band - Morning\nSunrise Band - Noon\nSunrise Band - Dusk\n');
    expect((await status(home)).queue_length).toBe(3);

    expect((await mpc('play')).stdout).toMatch(/^Sunrise Band - Morning\n\[playing\] #1\/3 /);
    await until(() => status(home), (s) => s.status === 'playing' && s.song?.title === 'Morning');
    expect((await mpc('next')).stdout).toMatch(/^Sunrise Band - Noon\n\[playing\] #2\/3 /);
    expect((await status(home)).song?.title).toBe('Noon');
    expect((await runTunes(['next'], { home })).stdout).toBe('playing: Sunrise Band - Dusk (3/3)\n');
    expect((await mpc('current')).stdout).toBe('Sunrise Band - Dusk\n');

    expect((await mpc('volume', '40')).stdout).toMatch(/volume: 40%/);
    expect((await status(home)).volume).toBe(40);

    expect((await mpc('search', 'artist', 'sunrise')).stdout).toBe(
      'music/Sunrise Band/Dawn/01 Morning.ogg\nmusic/Sunrise Band/Dawn/02 Noon.ogg\nmusic/Sunrise Band/Dawn/03 Dusk.ogg\n',
    );
    expect((await mpc('find', 'genre', 'Jazz')).stdout).toBe('music/Owls/Night/01 Midnight.ogg\n');
    expect((await mpc('list', 'album')).stdout).toBe('Dawn\nNight\n');

    expect((await mpc('seek', '30')).code).toBe(0);
    await until(() => status(home), (s) => s.position_ms >= 30_000);
    expect((await mpc('random', 'on')).stdout).toMatch(/random: on/);
    expect((await status(home)).shuffle).toBe(true);
    expect((await mpc('random', 'off')).code).toBe(0);

    expect(await mpc('play', '9')).toMatchObject({ code: 1, stderr: 'MPD error: Bad song index\n' });

    // MPD's stored playlists are the playlists of the account logged in.
    const midnight = songs.find((song) => song.title === 'Midnight')!;
    await runTunes(['playlist', 'create', 'late'], { home });
    await runTunes(['playlist', 'add', 'late', String(midnight.id)], { home });
    expect((await mpc('lsplaylists')).stdout).toBe('late\nForgotten favourites\nMost played\nNever played\nRecently added\n');
    expect((await mpc('playlist', 'late')).stdout).toBe('Owls - Midnight\n');
    expect((await mpc('load', 'late')).code).toBe(0);
    expect((await mpc('playlist')).stdout.split('\n').at(-2)).toBe('Owls - Midnight');
    expect(await mpc('load', 'nope')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^MPD error: no playlist/) });
  });

  it('wakes `mpc idle` on tunes next, with no polling', async () => {
    const { home, mpc } = await playerWithMpd();
    expect((await runTunes(['play', '--album', 'Dawn', '-b'], { home })).code).toBe(0);
    let done = false;
    const idle = mpc('idle', 'player').finally(() => (done = true));
    // Until mpc is connected and waiting, a next happens before it listens: keep skipping until it hears one.
    while (!done) {
      await runTunes(['next'], { home });
      await sleep(200);
    }
    expect(await idle).toEqual({ code: 0, stdout: 'player\n', stderr: '' });
  });

  it('with mpd-listen set the player does not end itself while idle, as mpd does (MPD clients cannot start it)', async () => {
    const { home, socket } = await playerWithMpd();
    expect((await runTunes(['config', 'set', 'idle-timeout', '1'], { home })).code).toBe(0);
    expect((await runTunes(['play', '--album', 'Dawn', '-b'], { home })).code).toBe(0);
    const pid = playerPid(home)!;
    // A client comes and goes (mpc, a phone remote), the music paused: nobody attached, past the idle timeout.
    const client = connect(socket);
    let heard = '';
    client.setEncoding('utf8').on('data', (text: string) => (heard += text));
    while (!heard.startsWith('OK MPD ')) await sleep(20);
    client.write('idle mixer\n');
    expect((await runTunes(['pause'], { home })).code).toBe(0);
    client.destroy();
    await sleep(3_000);
    expect(isRunning(pid)).toBe(true);
    expect(playerLog(home)).not.toContain('player: ending (idle)');
  }, 120_000);

  it('listens on a loopback TCP port for its own user, and refuses a network address', async () => {
    const { home } = await mpdLibrary();
    const port = await freePort();
    await runTunes(['config', 'set', 'mpd-listen', `127.0.0.1:${port}`], { home });
    expect((await runTunes(['play', '--album', 'Night', '-b'], { home })).code).toBe(0);
    expect((await mpc('127.0.0.1', ['current'], port)).stdout).toBe('Owls - Midnight\n');
    expect(playerLog(home)).toContain(`mpd: listening on 127.0.0.1:${port}`);
    // Another user of this machine reaches the port but not the player (where the OS tells: Linux; as root here and in CI).
    if (process.getuid?.() === 0) {
      const stranger = await mpc('127.0.0.1', ['current'], port, { uid: 65534, gid: 65534 });
      expect(stranger.code).not.toBe(0);
      expect(stranger.stdout).toBe('');
    }
    await runTunes(['player', 'quit'], { home });

    await runTunes(['config', 'set', 'mpd-listen', `0.0.0.0:${port}`], { home });
    expect((await runTunes(['play', '--album', 'Night', '-b'], { home })).code).toBe(0);
    expect(playerLog(home)).toContain(`mpd: could not start: refusing to listen on 0.0.0.0:${port}: only loopback addresses`);
    expect((await mpc('127.0.0.1', ['status'], port)).code).not.toBe(0);
    expect((await status(home)).song?.title).toBe('Midnight');
  }, 120_000);

  it('keeps playing when its port is taken, and says why in the log', async () => {
    const { home } = await mpdLibrary();
    const port = await freePort();
    const holder = spawn(process.execPath, ['-e', `require('net').createServer().listen(${port}, '127.0.0.1', () => console.log('ready'))`], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      await new Promise((resolve) => holder.stdout.once('data', resolve));
      await runTunes(['config', 'set', 'mpd-listen', `127.0.0.1:${port}`], { home });
      expect((await runTunes(['play', '--album', 'Night', '-b'], { home })).code).toBe(0);
      expect(playerLog(home)).toContain(`mpd: could not start: 127.0.0.1:${port} is in use (another mpd?)`);
      expect((await status(home)).status).toBe('playing');
    } finally {
      holder.kill();
    }
  });
});
