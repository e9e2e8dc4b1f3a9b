import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTone } from '../fixtures/playback/make-audio.js';
import { cliLibrary } from '../helpers/cli-library.js';
import { isRunning, playerPid, registerUser, runTunes, stopPlayer } from '../helpers/run-cli.js';
import { onBus, startSessionBus, type SessionBus } from '../helpers/session-bus.js';
import { tempDir } from '../helpers/temp-dir.js';
import { readTrace } from '../helpers/traced-run.js';

const MPRIS = ['--dest=org.mpris.MediaPlayer2.tunes', '/org/mpris/MediaPlayer2'];

/** alice (logged in) and three real 30 s songs of one album, tagged as a scan would store them. */
async function library() {
  const dir = tempDir();
  const tone = (name: string, frequency: number) => makeTone(dir, name, { seconds: 30, frequency });
  const song = (title: string, track_no: number, frequency: number) => ({
    title, artist: 'Sunrise Band', album: 'Dawn', album_artist: 'Various Artists', genre: 'Ambient', track_no, disc_no: 1,
    duration_ms: 30_000, path: tone(title.toLowerCase(), frequency),
  });
  return cliLibrary(['alice'], [song('Morning', 1, 330), song('Noon', 2, 440), song('Dusk', 3, 495)]);
}

type Status = { status: string; song: { title: string } | null; position_ms: number; volume: number; shuffle: boolean; repeat: string };

const buses: SessionBus[] = [];
const homes: string[] = [];
const followers: ChildProcess[] = [];
afterEach(async () => {
  for (const child of followers.splice(0)) child.kill();
  // The players first, while their bus is still there.
  for (const home of homes.splice(0)) await stopPlayer(home);
  for (const bus of buses.splice(0)) await bus.close();
});

async function setUp() {
  const bus = await startSessionBus();
  buses.push(bus);
  const { home } = await library();
  homes.push(home);
  const env = { DBUS_SESSION_BUS_ADDRESS: bus.address };
  const tunes = (...args: string[]) => runTunes(args, { home, env });
  const playerctl = (...args: string[]) => onBus(bus, 'playerctl', ['--player=tunes', ...args]);
  const status = async () => JSON.parse((await tunes('status', '--json')).stdout) as Status;
  /** Polls until `check` holds; well before the test's timeout it fails saying what it last read. */
  const until = async <T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> => {
    const deadline = Date.now() + 40_000;
    for (;;) {
      const value = await read();
      if (check(value)) return value;
      if (Date.now() > deadline) throw new Error(`still not there after 40 s; last read: ${JSON.stringify(value)}`);
      await sleep(100);
    }
  };
  /** A long-running client on the bus (playerctl --follow, dbus-monitor) and the lines it printed so far. */
  const follow = (command: string, args: string[]) => {
    const child = spawn(command, args, { env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: bus.address }, stdio: ['ignore', 'pipe', 'ignore'] });
    followers.push(child);
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    return { text: () => out };
  };
  /** The bridge comes up in the background, just after the player: until it is on the bus. */
  const listed = () => until(() => onBus(bus, 'playerctl', ['-l']).catch(() => ''), (list) => list.split('\n').includes('tunes'));
  return { bus, home, tunes, playerctl, status, until, follow, listed };
}

describe('MPRIS (org.mpris.MediaPlayer2.tunes) driven by playerctl on a private session bus', () => {
  it('lists, reads and drives the player; tunes and playerctl see the same song', async () => {
    const { tunes, playerctl, status, until, listed } = await setUp();
    expect(await tunes('play', '--album', 'Dawn', '-b')).toMatchObject({ code: 0, stdout: 'playing: Sunrise Band - Morning (1/3)\n' });
    expect(await listed()).toBe('tunes');
    expect(await until(() => playerctl('status'), (s) => s === 'Playing')).toBe('Playing');

    const format = '{{xesam:title}}|{{xesam:artist}}|{{xesam:album}}|{{xesam:albumArtist}}|{{xesam:trackNumber}}|{{xesam:discNumber}}|{{xesam:genre}}';
    expect(await playerctl('metadata', '--format', format)).toBe('Morning|Sunrise Band|Dawn|Various Artists|1|1|Ambient');
    // mpv's own length once the file is open (a few ms past the catalogue's 30 s for an ogg), in µs.
    expect(Number(await playerctl('metadata', 'mpris:length'))).toBeGreaterThanOrEqual(29_900_000);
    expect(Number(await playerctl('metadata', 'mpris:length'))).toBeLessThan(30_200_000);
    expect(await playerctl('metadata', 'mpris:trackid')).toMatch(/^'?\/org\/tunes\/track\/\d+'?$/);

    expect(await playerctl('play-pause')).toBe('');
    expect((await until(status, (s) => s.status === 'paused')).song?.title).toBe('Morning');
    expect(await playerctl('status')).toBe('Paused');
    await playerctl('play-pause');
    await until(status, (s) => s.status === 'playing');

    await playerctl('next');
    expect((await until(status, (s) => s.song?.title !== 'Morning')).song?.title).toBe('Noon');
    expect(await until(() => playerctl('metadata', 'title'), (t) => t === 'Noon')).toBe('Noon');

    await playerctl('position', '20');
    expect((await until(status, (s) => s.position_ms >= 20_000)).song?.title).toBe('Noon');
    expect(Number(await playerctl('position'))).toBeGreaterThanOrEqual(20);
    await playerctl('position', '5-');
    await until(status, (s) => s.position_ms < 20_000);

    // Writable properties read back at once, and the player has them.
    await playerctl('volume', '0.5');
    expect(await playerctl('volume')).toBe('0.500000');
    expect((await until(status, (s) => s.volume === 50)).volume).toBe(50);
    await playerctl('shuffle', 'On');
    expect(await playerctl('shuffle')).toBe('On');
    await until(status, (s) => s.shuffle);
    await playerctl('shuffle', 'Off');
    await until(status, (s) => !s.shuffle);
    for (const [loop, repeat] of [['Playlist', 'all'], ['Track', 'one'], ['None', 'off']] as const) {
      await playerctl('loop', loop);
      expect(await playerctl('loop')).toBe(loop);
      await until(status, (s) => s.repeat === repeat);
    }
    // And what tunes changes, playerctl reads.
    await tunes('volume', '30');
    expect(await until(() => playerctl('volume'), (v) => v === '0.300000')).toBe('0.300000');
    await tunes('repeat', 'all');
    expect(await until(() => playerctl('loop'), (v) => v === 'Playlist')).toBe('Playlist');

    // The session bus going away (the desktop session ended) leaves the music playing.
    await buses[0]!.close();
    expect((await tunes('next')).stdout).toMatch(/^playing: Sunrise Band - /);
    expect((await status()).status).toBe('playing');
  });

  it('tells followers what changed (PropertiesChanged) and when the position jumped (Seeked)', async () => {
    const { tunes, playerctl, until, follow, status, listed } = await setUp();
    await tunes('play', '--album', 'Dawn', '-b');
    await listed();
    await until(() => playerctl('status'), (s) => s === 'Playing');
    // playerctl --follow prints only on the bus's signals, never by polling.
    const titles = follow('playerctl', ['--player=tunes', '--follow', 'metadata', '--format', '{{title}}|{{status}}']);
    const seeked = follow('dbus-monitor', ['--session', "type='signal',interface='org.mpris.MediaPlayer2.Player',member='Seeked'"]);
    await until(async () => titles.text(), (t) => t.includes('Morning|Playing\n'));
    await sleep(300); // dbus-monitor has registered its match rule by now, or the seek below is seen later

    expect((await tunes('next')).code).toBe(0);
    await until(async () => titles.text(), (t) => t.includes('Noon|Playing\n'));
    expect((await tunes('pause')).code).toBe(0);
    await until(async () => titles.text(), (t) => t.includes('Noon|Paused\n'));

    expect((await tunes('seek', '12')).code).toBe(0);
    await until(async () => seeked.text(), (t) => t.includes('int64 12000000'));
    await playerctl('position', '3');
    await until(async () => seeked.text(), (t) => t.includes('int64 3000000'));
    const lines = () => seeked.text().split('\n').filter((line) => line.trim().startsWith('int64')).map((line) => line.trim());
    // A new song is said by its Metadata, not by a Seeked to 0 as it opens: the first is the seek to 12 s.
    expect(lines()[0]).toBe('int64 12000000');
    expect((await status()).song?.title).toBe('Noon');

    // The same entry again (repeat one) keeps its Metadata: the jump back to the start is a Seeked.
    const trackId = await playerctl('metadata', 'mpris:trackid');
    await tunes('repeat', 'one');
    await tunes('seek', '28');
    await tunes('resume');
    const afterSeek = async () => {
      const at = lines().findIndex((line) => /^int64 2[78]\d{6}$/.test(line));
      return at < 0 ? [] : lines().slice(at + 1);
    };
    // Position 0 again: a few hundred ms in by the time the signal is sent (seconds on a loaded box), far from 28 s.
    await until(afterSeek, (later) => later.some((line) => /^int64 \d+$/.test(line) && Number(line.slice(6)) < 5_000_000));
    expect(await playerctl('metadata', 'mpris:trackid')).toBe(trackId);
    expect((await status()).song?.title).toBe('Noon');
  });

  it('ignores a SetPosition aimed at a track that is no longer current, obeys one for the current track, and quits', async () => {
    const { bus, home, tunes, playerctl, status, until, listed } = await setUp();
    await tunes('play', '--album', 'Dawn', '-b');
    await listed();
    const first = await until(() => playerctl('metadata', 'mpris:trackid'), (id) => id.includes('/org/tunes/track/'));
    await tunes('next');
    const second = await until(() => playerctl('metadata', 'mpris:trackid'), (id) => id !== first);
    await tunes('pause');
    await tunes('seek', '20');
    // Paused, mpv lands on the nearest frame it can show: a little before 20 s.
    await until(status, (s) => s.status === 'paused' && s.position_ms >= 19_000);
    const setPosition = (trackId: string, us: number) =>
      onBus(bus, 'dbus-send', ['--session', '--print-reply', ...MPRIS, 'org.mpris.MediaPlayer2.Player.SetPosition', `objpath:${trackId.replace(/'/g, '')}`, `int64:${us}`]);
    await setPosition(first, 2_000_000);
    // A command after it through the same dispatcher: by its answer the stale request would have acted.
    await tunes('volume', '40');
    expect((await status()).position_ms).toBeGreaterThanOrEqual(19_000);
    await setPosition(second, 2_000_000);
    expect((await until(status, (s) => s.position_ms < 19_000)).position_ms).toBeLessThan(3_000);

    const root = (property: string) =>
      onBus(bus, 'dbus-send', ['--session', '--print-reply=literal', ...MPRIS, 'org.freedesktop.DBus.Properties.Get', 'string:org.mpris.MediaPlayer2', `string:${property}`]);
    expect(await root('Identity')).toContain('tunes');
    expect(await root('CanRaise')).toContain('false');
    expect(await root('CanQuit')).toContain('true');
    const pid = playerPid(home)!;
    await onBus(bus, 'dbus-send', ['--session', '--print-reply', ...MPRIS, 'org.mpris.MediaPlayer2.Quit']);
    await until(async () => isRunning(pid), (running) => !running);
  });
});

describe('MPRIS cover art', () => {
  it('gives the album\'s cover as mpris:artUrl, a file:// of the same image', async () => {
    const bus = await startSessionBus();
    buses.push(bus);
    const home = tempDir();
    homes.push(home);
    const music = tempDir();
    makeTone(music, 'first', { seconds: 30, frequency: 330, metadata: { title: 'First', artist: 'Painter', album: 'Canvas', track: '1' } });
    makeTone(music, 'second', { seconds: 30, frequency: 440, metadata: { title: 'Second', artist: 'Painter', album: 'Canvas', track: '2' } });
    const cover = new URL('../fixtures/albums/Soundtracks/Game Music/cover.jpg', import.meta.url);
    copyFileSync(cover, join(music, 'cover.jpg'));
    const env = { DBUS_SESSION_BUS_ADDRESS: bus.address };
    await registerUser(home, 'alice');
    expect((await runTunes(['library', 'add', music], { home, env })).code).toBe(0);
    expect((await runTunes(['library', 'scan'], { home, env })).code).toBe(0);
    expect((await runTunes(['play', 'painter', '-b'], { home, env })).code).toBe(0);
    let art = '';
    while (!art.startsWith('file://')) {
      art = await onBus(bus, 'playerctl', ['--player=tunes', 'metadata', 'mpris:artUrl']).catch(() => '');
      await sleep(100);
    }
    expect(readFileSync(fileURLToPath(art))).toEqual(readFileSync(cover));
    expect(await onBus(bus, 'playerctl', ['--player=tunes', 'metadata', 'title'])).toBe('First');
  });
});

describe('MPRIS lyrics', () => {
  it('gives the song lyrics from its .lrc as xesam:asText, plain lines', async () => {
    const bus = await startSessionBus();
    buses.push(bus);
    const home = tempDir();
    homes.push(home);
    const music = tempDir();
    const fixtures = new URL('../fixtures/lyrics/', import.meta.url);
    copyFileSync(new URL('sidecar.mp3', fixtures), join(music, 'sidecar.mp3'));
    copyFileSync(new URL('sidecar.lrc', fixtures), join(music, 'sidecar.lrc'));
    const env = { DBUS_SESSION_BUS_ADDRESS: bus.address };
    await registerUser(home, 'alice');
    expect((await runTunes(['library', 'add', music], { home, env })).code).toBe(0);
    expect((await runTunes(['play', 'sidecar', '-b'], { home, env })).code).toBe(0);
    let text = '';
    while (!text.includes('Chorus')) {
      text = await onBus(bus, 'playerctl', ['--player=tunes', 'metadata', 'xesam:asText']).catch(() => '');
      await sleep(100);
    }
    expect(text).toBe('First line\nSecond line\nChorus line\nChorus line');
  });
});

describe('without a session bus', () => {
  it('the player says nothing of MPRIS, never loads D-Bus code, and plays', async () => {
    const { home } = await library();
    homes.push(home);
    const env = { DBUS_SESSION_BUS_ADDRESS: undefined };
    const trace = join(tempDir(), 'imports.txt');
    const coverage = tempDir();
    const player = runTunes(['player', 'run'], {
      home,
      env: { ...env, TRACE_IMPORTS_FILE: trace, NODE_V8_COVERAGE: coverage },
      nodeArgs: ['--import', new URL('../helpers/trace-imports.mjs', import.meta.url).pathname],
    });
    for (;;) {
      if (playerPid(home) !== undefined) break;
      await sleep(50);
    }
    expect(await runTunes(['play', '--album', 'Dawn', '-b'], { home, env })).toMatchObject({ code: 0, stdout: 'playing: Sunrise Band - Morning (1/3)\n', stderr: '' });
    expect((await runTunes(['status'], { home, env })).stdout).toMatch(/^playing: Sunrise Band - Morning/);
    expect((await runTunes(['player', 'quit'], { home, env })).code).toBe(0);
    const ran = await player;
    expect(ran.code).toBe(0);
    expect(ran.stderr).not.toMatch(/mpris|d-?bus/i);
    // The player's one-file bundle holds the D-Bus code (behind a lazy import): none of it ran.
    const { imported, ranSources, bundles } = readTrace(trace, coverage);
    expect(bundles.some((url) => url.endsWith('/player.cjs'))).toBe(true);
    expect(ranSources).toContain('src/daemon/run-player.ts');
    expect(imported).not.toContain('node_modules/@jellybrick/');
    for (const source of ranSources) expect(source).not.toMatch(/node_modules\/@jellybrick\/|src\/daemon\/bridges\/mpris-bus/);
  });

  it('a bus address that leads nowhere is logged by the player, which plays on', async () => {
    const { home } = await library();
    homes.push(home);
    const env = { DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(tempDir(), 'no-bus')}` };
    expect(await runTunes(['play', '--album', 'Dawn', '-b'], { home, env })).toMatchObject({ code: 0, stdout: 'playing: Sunrise Band - Morning (1/3)\n', stderr: '' });
    expect((await runTunes(['next'], { home, env })).stdout).toBe('playing: Sunrise Band - Noon (2/3)\n');
    const log = join(home, readdirSync(home).find((name) => name.endsWith('.log'))!);
    while (!readFileSync(log, 'utf8').includes('mpris: could not start')) await sleep(50);
    expect(readFileSync(log, 'utf8')).toMatch(/mpris: could not start: .*ENOENT/);
  });
});
