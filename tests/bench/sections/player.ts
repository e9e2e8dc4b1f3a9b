/**
 * The background player's figures (issue 13, "Speed and weight"), each beside its baseline measured
 * in the same run:
 * - `tunes status` / `tunes next` wall time against a running player, and `tunes songs <word>` (a
 *   plain command: the full CLI, the database), beside `node -e 0` (Node's floor) and the peers' remote commands against their running daemons: `mpc status` (mpd) and
 *   `cmus-remote -Q` (cmus); `mpc status` against the player's MPD bridge beside `mpc status` against mpd;
 * - a command's round trip to mpv acting on it (the reply comes once mpv has acknowledged), beside
 *   the socket's own round trip and a raw IPC command into mpv;
 * - CPU of the player idle (paused, nobody attached) and playing, beside an idle mpd and mpv playing
 *   alone; the player's memory (mpv is a process of its own) beside Node's floor and mpd.
 * Audio goes to --ao=null (as in CI) unless BENCH_AO names another output.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { openStore } from '../../../src/db/open.js';
import { resolveMpvBinary } from '../../../src/player/mpv-binary.js';
import { makeTone } from '../../fixtures/playback/make-audio.js';
import { seedSongs } from '../../helpers/seed-songs.js';
import { median, ms, mustSucceed, runProcess, TUNES_BIN, type BenchContext, type BenchRow, type BenchSection } from '../lib/measure.js';
import { freePort, startCmus, startMpd, type Peer } from '../lib/peers.js';
import { cpuOver, pct, rssMiB } from '../lib/processes.js';

const AO = process.env.BENCH_AO ?? 'null';
const RUNS = Number(process.env.BENCH_RUNS) || 15;
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS) || 60;
const CPU_SECONDS = Number(process.env.BENCH_CPU_SECONDS) || 10;

export const playerSection: BenchSection = {
  name: 'player',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const dir = join(ctx.scratch, 'player');
    const music = join(dir, 'music');
    mkdirSync(music, { recursive: true });
    const files = Array.from({ length: 4 }, (_, i) => makeTone(music, `bench-${i}`, { seconds: 120, frequency: 300 + 100 * i }));
    const home = join(dir, 'home');
    const store = await openStore(join(home, 'tunes.db'));
    await seedSongs(store, files.map((path, i) => ({ path, title: `Bench ${i}`, artist: 'Bench Band', duration_ms: 120_000 })));
    await store.close();
    const env = { TUNES_HOME: home, TUNES_AUDIO_OUTPUT: AO };
    const tunes = (...args: string[]) => runProcess(process.execPath, [TUNES_BIN, ...args], env);
    const bridgePort = await freePort();
    mustSucceed(await tunes('config', 'set', 'mpd-listen', `127.0.0.1:${bridgePort}`), 'tunes config set mpd-listen');
    mustSucceed(await tunes('play', 'bench', '--repeat', 'all', '-b'), 'tunes play -b');
    const player = playerPid(home);

    ctx.log('player: starting mpd and cmus to compare with');
    const peers: Peer[] = [];
    const mpd = await startMpd(dir, music);
    const cmus = await startCmus(dir, music);
    for (const peer of [mpd, cmus]) if (peer) peers.push(peer);
    try {
      ctx.log('player: remote command wall times');
      const walls: Record<string, number[]> = { node: [], status: [], next: [], songs: [], mpc: [], cmus: [], bridge: [] };
      for (let i = 0; i < RUNS; i += 1) {
        walls.node!.push((await runProcess(process.execPath, ['-e', '0'])).wallMs);
        walls.status!.push(mustSucceed(await tunes('status'), 'tunes status').wallMs);
        walls.next!.push(mustSucceed(await tunes('next'), 'tunes next').wallMs);
        walls.songs!.push(mustSucceed(await tunes('songs', 'bench'), 'tunes songs bench').wallMs);
        if (mpd) walls.mpc!.push((await runProcess(mpd.statusCommand[0], mpd.statusCommand.slice(1))).wallMs);
        if (mpd) walls.bridge!.push(mustSucceed(await runProcess('mpc', ['-p', String(bridgePort), 'status']), 'mpc status (tunes)').wallMs);
        if (cmus) walls.cmus!.push((await runProcess(cmus.statusCommand[0], cmus.statusCommand.slice(1))).wallMs);
      }
      const floor = median(walls.node!);
      const peersText = [mpd ? `mpc status ${ms(median(walls.mpc!))}` : 'mpd not installed', cmus ? `cmus-remote -Q ${ms(median(walls.cmus!))}` : 'cmus not installed'].join(', ');
      const ratio = (samples: number[]) => `${ms(median(samples))} (${(median(samples) / floor).toFixed(2)}x node)`;

      const statusTrips = mpd ? { bridge: await mpdStatusTrips(bridgePort), mpd: await mpdStatusTrips(mpd.port!) } : undefined;
      ctx.log('player: command round trips');
      const trips = await roundTrips(socketOf(home));
      const rawMpv = await rawMpvRoundTrip(files[0]!);

      ctx.log(`player: idle CPU over ${IDLE_SECONDS} s (paused, nobody attached)`);
      mustSucceed(await tunes('pause'), 'tunes pause');
      mpd?.pause();
      await sleep(1000);
      const idleNode = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)'], { stdio: 'ignore' });
      await sleep(500);
      const [idlePlayer, idleMpd] = await cpuOver([player, ...(mpd ? [mpd.pid] : [])], IDLE_SECONDS);
      const rss = rssMiB(player);
      const nodeRss = rssMiB(idleNode.pid!);
      const mpdRss = mpd ? rssMiB(mpd.pid) : undefined;
      idleNode.kill();

      ctx.log(`player: CPU while playing over ${CPU_SECONDS} s`);
      mustSucceed(await tunes('resume'), 'tunes resume');
      await sleep(1000);
      const mpv = childOf(player, 'mpv');
      const alone = await rawMpvPlaying(files[1]!);
      const [playing, itsMpv, mpvAlone] = await cpuOver([player, mpv, alone.pid], CPU_SECONDS);
      await alone.stop();

      return [
        { measure: `tunes status, player running (median of ${RUNS})`, value: ratio(walls.status!), baseline: `node -e 0; ${peersText}`, baselineValue: ms(floor) },
        { measure: `tunes next, player running (median of ${RUNS})`, value: ratio(walls.next!), baseline: `node -e 0; ${peersText}`, baselineValue: ms(floor) },
        { measure: `tunes songs bench, a plain command (median of ${RUNS}; target <= 1.6x node)`, value: ratio(walls.songs!), baseline: 'node -e 0', baselineValue: ms(floor) },
        {
          measure: `mpc status against the player's MPD bridge on 127.0.0.1 (median of ${RUNS}; with its check of the peer's user)`,
          value: mpd ? ms(median(walls.bridge!)) : 'mpc not installed',
          baseline: 'mpc status against mpd',
          baselineValue: mpd ? ms(median(walls.mpc!)) : '',
        },
        {
          measure: 'MPD status round trip on an open connection, the bridge (median of 30)',
          value: statusTrips ? ms(median(statusTrips.bridge)) : 'mpd not installed',
          baseline: 'the same against mpd',
          baselineValue: statusTrips ? ms(median(statusTrips.mpd)) : '',
        },
        { measure: `command -> mpv acted, socket round trip (pause/resume, median of ${trips.command.length})`, value: ms(median(trips.command)), baseline: `socket hello round trip ${ms(median(trips.hello))}; raw mpv set_property`, baselineValue: ms(median(rawMpv)) },
        { measure: `player CPU idle: paused, nobody attached (${IDLE_SECONDS} s)`, value: pct(idlePlayer!), baseline: mpd ? 'mpd paused' : 'mpd not installed', baselineValue: idleMpd === undefined ? '' : pct(idleMpd) },
        { measure: `player CPU playing, mpv apart (${CPU_SECONDS} s)`, value: pct(playing!), baseline: `its mpv ${pct(itsMpv!)}; mpv playing alone`, baselineValue: pct(mpvAlone!) },
        { measure: 'player RSS (paused; mpv is its own process)', value: `${rss.toFixed(1)} MiB`, baseline: `an idle node${mpdRss === undefined ? '' : `; mpd ${mpdRss.toFixed(1)} MiB`}`, baselineValue: `${nodeRss.toFixed(1)} MiB` },
      ];
    } finally {
      await Promise.allSettled(peers.map((peer) => peer.stop()));
      await tunes('player', 'quit');
    }
  },
};

/** `status` asked 30 times over one MPD connection, each timed to its OK. */
async function mpdStatusTrips(port: number): Promise<number[]> {
  const socket = connect(port, '127.0.0.1');
  let buffer = '';
  let wake: () => void = () => undefined;
  socket.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    wake();
  });
  const until = async (done: (text: string) => boolean) => {
    while (!done(buffer)) await new Promise<void>((resolve) => (wake = resolve));
    buffer = '';
  };
  await until((text) => text.startsWith('OK MPD'));
  const samples: number[] = [];
  for (let i = 0; i < 30; i += 1) {
    const started = performance.now();
    socket.write('status\n');
    await until((text) => text.endsWith('OK\n'));
    samples.push(performance.now() - started);
  }
  socket.destroy();
  return samples;
}

function playerPid(home: string): number {
  const lock = readdirSync(join(home, 'run')).find((name) => name.endsWith('.lock'))!;
  return Number(readFileSync(join(home, 'run', lock), 'utf8').split(' ')[0]);
}

function socketOf(home: string): string {
  return join(home, 'run', readdirSync(join(home, 'run')).find((name) => name.endsWith('.sock'))!);
}

function childOf(parent: number, name: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const match = /^\d+ \((.*)\) \S+ (\d+)/s.exec(readFileSync(`/proc/${entry}/stat`, 'utf8'));
      if (match?.[1] === name && Number(match[2]) === parent) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error(`no ${name} under ${parent}`);
}

/** Replies on the player's socket, by id; `hello` answers at once, pause/resume after mpv acknowledged. */
async function roundTrips(socketPath: string): Promise<{ hello: number[]; command: number[] }> {
  const socket = connect(socketPath);
  await new Promise((resolve) => socket.once('connect', resolve));
  const waiting = new Map<number, () => void>();
  let buffer = '';
  socket.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let at: number;
    while ((at = buffer.indexOf('\n')) >= 0) {
      const reply = JSON.parse(buffer.slice(0, at)) as { id?: number };
      buffer = buffer.slice(at + 1);
      if (typeof reply.id === 'number') waiting.get(reply.id)?.();
    }
  });
  let id = 0;
  const ask = async (request: object) => {
    const mine = (id += 1);
    const started = performance.now();
    const replied = new Promise<void>((resolve) => waiting.set(mine, resolve));
    socket.write(`${JSON.stringify({ id: mine, ...request })}\n`);
    await replied;
    return performance.now() - started;
  };
  const hello: number[] = [];
  const command: number[] = [];
  for (let i = 0; i < 30; i += 1) {
    hello.push(await ask({ method: 'hello' }));
    command.push(await ask({ method: 'dispatch', command: { type: i % 2 === 0 ? 'pause' : 'resume' } }));
  }
  socket.destroy();
  return { hello, command };
}

/** mpv over a socketpair with nothing in between. */
function rawMpv() {
  const child = spawn(resolveMpvBinary(), ['--idle=yes', '--no-video', '--no-config', '--no-terminal', `--ao=${AO}`, '--input-ipc-client=fd://3'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const ipc = child.stdio[3] as Duplex;
  const waiting = new Map<number, () => void>();
  const events: Array<{ event: string; resolve: () => void }> = [];
  let buffer = '';
  ipc.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let at: number;
    while ((at = buffer.indexOf('\n')) >= 0) {
      const message = JSON.parse(buffer.slice(0, at)) as { request_id?: number; event?: string };
      buffer = buffer.slice(at + 1);
      if (typeof message.request_id === 'number') waiting.get(message.request_id)?.();
      const index = events.findIndex((e) => e.event === message.event);
      if (index >= 0) events.splice(index, 1)[0]!.resolve();
    }
  });
  let id = 0;
  return {
    pid: child.pid!,
    request: (command: unknown[]) => {
      const mine = (id += 1);
      const done = new Promise<void>((resolve) => waiting.set(mine, resolve));
      ipc.write(`${JSON.stringify({ command, request_id: mine })}\n`);
      return done;
    },
    when: (event: string) => new Promise<void>((resolve) => events.push({ event, resolve })),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

async function rawMpvRoundTrip(file: string): Promise<number[]> {
  const mpv = rawMpv();
  const playing = mpv.when('playback-restart');
  await mpv.request(['loadfile', file, 'replace']);
  await playing;
  const samples: number[] = [];
  for (let i = 0; i < 30; i += 1) {
    const started = performance.now();
    await mpv.request(['set_property', 'pause', i % 2 === 0]);
    samples.push(performance.now() - started);
  }
  await mpv.stop();
  return samples;
}

async function rawMpvPlaying(file: string) {
  const mpv = rawMpv();
  const playing = mpv.when('playback-restart');
  await mpv.request(['loadfile', file, 'replace']);
  await playing;
  return mpv;
}
