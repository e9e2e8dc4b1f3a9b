/**
 * Playback figures for `npm run bench`, each beside a baseline measured in the same run:
 * - next-track latency (command -> playback-restart) through the playback service, beside a raw
 *   `loadfile` into a running mpv;
 * - cold `tunes play` (no player running: it starts one) to its first track line, beside spawning
 *   mpv alone until it plays;
 * - CPU of `tunes play`'s own process while the player plays (a client now: the player's own CPU is
 *   in the player section), on a terminal and on a pipe, beside mpv playing alone.
 * Audio goes to --ao=null (as in CI) unless BENCH_AO names another output.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../../src/db/open.js';
import { AudioEngine } from '../../../src/player/audio-engine.js';
import { resolveMpvBinary } from '../../../src/player/mpv-binary.js';
import { systemClock } from '../../../src/services/clock.js';
import { createHistoryService } from '../../../src/services/history/history-service.js';
import { createPlaybackService } from '../../../src/services/playback/playback-service.js';
import { makeTone } from '../../fixtures/playback/make-audio.js';
import { seedSongs } from '../../helpers/seed-songs.js';
import { cpuOver, descendantsOf, pct } from '../lib/processes.js';

export interface PlaybackBenchRow {
  /** What was measured. */
  name: string;
  value: string;
  /** The baseline, measured in the same run: "what it is: figure". */
  baseline: string;
  target: string;
}

export interface PlaybackBenchOptions {
  /** Where temporary files go (removed afterwards). */
  scratch?: string;
  log?: (message: string) => void;
  runs?: number;
  cpuSeconds?: number;
}

const TUNES_BIN = fileURLToPath(new URL('../../../bin/tunes.js', import.meta.url));
const AO = process.env.BENCH_AO ?? 'null';

export async function runPlaybackBench({ scratch, log = () => undefined, runs = 15, cpuSeconds = 5 }: PlaybackBenchOptions = {}): Promise<PlaybackBenchRow[]> {
  const dir = mkdtempSync(join(scratch ?? tmpdir(), 'tunes-bench-playback-'));
  try {
    const mpv = resolveMpvBinary();
    const files = Array.from({ length: 4 }, (_, i) => makeTone(dir, `bench-${i}`, { seconds: 60, frequency: 300 + 100 * i }));

    log('playback: raw mpv spawn and loadfile baselines');
    const rawSpawn: number[] = [];
    for (let i = 0; i < Math.min(runs, 10); i += 1) rawSpawn.push(await rawSpawnToPlayback(mpv, files[0]!));
    const rawLoad = await rawLoadfileLatency(mpv, files, runs);

    log('playback: next-track latency through the playback service');
    const next = await serviceNextLatency(dir, files, runs);

    log('playback: cold tunes play');
    const home = await libraryHome(dir, files);
    const cold: number[] = [];
    for (let i = 0; i < Math.min(runs, 8); i += 1) cold.push(await coldPlay(home));

    log('playback: CPU of tunes play (the client) while playing');
    const cpuPipe = await playingCpu(home, cpuSeconds, false);
    const cpuTerminal = await playingCpu(home, cpuSeconds, true);
    const cpuRaw = await rawMpvCpu(mpv, files[0]!, cpuSeconds);
    await quitPlayer(home);

    return [
      { name: `next-track latency, next -> playback-restart (median of ${next.length})`, value: ms(median(next)), baseline: `raw loadfile into running mpv: ${ms(median(rawLoad))}`, target: '<= 20 ms' },
      { name: `cold tunes play -> first playback-restart (median of ${cold.length})`, value: ms(median(cold)), baseline: `raw mpv spawn -> playback-restart: ${ms(median(rawSpawn))}`, target: '<= 250 ms' },
      { name: `CPU while playing, tunes play on a terminal (the client) (${cpuSeconds} s)`, value: pct(cpuTerminal), baseline: `mpv playing alone: ${pct(cpuRaw)}`, target: '< 1 % of a core' },
      { name: `CPU while playing, tunes play on a pipe (the client) (${cpuSeconds} s)`, value: pct(cpuPipe), baseline: `mpv playing alone: ${pct(cpuRaw)}`, target: '< 1 % of a core' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The shape the bench harness (tests/bench/run.ts) takes: a named section returning table rows. */
export const playbackSection = {
  name: 'playback',
  async run(ctx: { scratch: string; log(message: string): void }) {
    const rows = await runPlaybackBench({ scratch: ctx.scratch, log: ctx.log });
    return rows.map((r) => ({ measure: `${r.name} (target ${r.target})`, value: r.value, baseline: r.baseline.split(': ')[0]!, baselineValue: r.baseline.split(': ')[1]! }));
  },
};

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
}

function ms(value: number): string {
  return value < 100 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

/** mpv over a socketpair with nothing of ours in between: the floor for everything we measure. */
function rawMpv(binary: string, extra: string[] = []) {
  const child = spawn(binary, ['--idle=yes', '--no-video', '--no-config', '--no-terminal', `--ao=${AO}`, '--input-ipc-client=fd://3', ...extra], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const ipc = child.stdio[3] as Duplex;
  const waiting: Array<{ event: string; resolve: () => void }> = [];
  let buffer = '';
  ipc.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    let at: number;
    while ((at = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, at);
      buffer = buffer.slice(at + 1);
      const event = (JSON.parse(line) as { event?: string }).event;
      const index = waiting.findIndex((w) => w.event === event);
      if (index >= 0) waiting.splice(index, 1)[0]!.resolve();
    }
  });
  return {
    child,
    send: (command: unknown[]) => ipc.write(`${JSON.stringify({ command })}\n`),
    when: (event: string) => new Promise<void>((resolve) => waiting.push({ event, resolve })),
    stop: () => stopChild(child, () => ipc.end()),
  };
}

async function rawSpawnToPlayback(binary: string, file: string): Promise<number> {
  const started = performance.now();
  const mpv = rawMpv(binary);
  const playing = mpv.when('playback-restart');
  mpv.send(['loadfile', file, 'replace']);
  await playing;
  const elapsed = performance.now() - started;
  await mpv.stop();
  return elapsed;
}

async function rawLoadfileLatency(binary: string, files: string[], runs: number): Promise<number[]> {
  const mpv = rawMpv(binary);
  const samples: number[] = [];
  for (let i = 0; i <= runs; i += 1) {
    const started = performance.now();
    const playing = mpv.when('playback-restart');
    mpv.send(['loadfile', files[i % files.length]!, 'replace']);
    await playing;
    if (i > 0) samples.push(performance.now() - started); // the first load also warms caches
  }
  await mpv.stop();
  return samples;
}

async function serviceNextLatency(dir: string, files: string[], runs: number): Promise<number[]> {
  const store = await openStore(join(dir, 'next.db'));
  // Song paths are unique in the catalogue: one copy of a tone per queue entry.
  const paths = Array.from({ length: runs + 2 }, (_, i) => {
    const path = join(dir, `next-${i}.ogg`);
    copyFileSync(files[i % files.length]!, path);
    return path;
  });
  const songs = await seedSongs(store, paths.map((path) => ({ path, duration_ms: 60_000 })));
  const engine = new AudioEngine({ resolveBinary: () => resolveMpvBinary(), audioOutput: AO });
  const playback = createPlaybackService({ engine, history: createHistoryService({ db: store.db }), clock: systemClock });
  const restarted = () => new Promise<void>((resolve) => {
    const off = playback.subscribe((e) => {
      if (e.type === 'track-start') {
        off();
        resolve();
      }
    });
  });
  try {
    let started = restarted();
    await playback.play(songs);
    await started;
    const samples: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 150)); // let the next song be preloaded, as in use
      started = restarted();
      const t0 = performance.now();
      await playback.next();
      await started;
      samples.push(performance.now() - t0);
    }
    return samples;
  } finally {
    await playback.close();
    await store.close();
  }
}

async function libraryHome(dir: string, files: string[]): Promise<string> {
  const home = join(dir, 'home');
  const store = await openStore(join(home, 'tunes.db'));
  await seedSongs(store, files.map((path, i) => ({ path, title: `Bench ${i}`, artist: 'Bench Band', duration_ms: 60_000 })));
  await store.close();
  return home;
}

function startTunes(home: string, args: string[], terminal: boolean): ChildProcess {
  const env = { ...process.env, TUNES_HOME: home, TUNES_AUDIO_OUTPUT: AO, COLUMNS: '100' };
  if (!terminal) return spawn(process.execPath, [TUNES_BIN, ...args], { env, stdio: ['ignore', 'pipe', 'ignore'] });
  // `script` gives tunes a real pseudo-terminal, so the live status line and key handling run.
  const command = [process.execPath, TUNES_BIN, ...args].map((a) => `'${a}'`).join(' ');
  return spawn('script', ['-qfec', command, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
}

/** Ends the background player of `home` (so the next `tunes play` starts cold). */
async function quitPlayer(home: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const child = spawn(process.execPath, [TUNES_BIN, 'player', 'quit'], { env: { ...process.env, TUNES_HOME: home }, stdio: 'ignore' });
    child.once('exit', () => resolve());
  });
}

/** From spawning `tunes play` with no player running to its first track line (the first playback-restart). */
async function coldPlay(home: string): Promise<number> {
  await quitPlayer(home);
  const started = performance.now();
  const child = startTunes(home, ['play', 'bench'], false);
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  const elapsed = performance.now() - started;
  await stopChild(child, () => child.kill('SIGTERM'));
  return elapsed;
}

/** CPU of `tunes play` itself (the client), the player playing. */
async function playingCpu(home: string, seconds: number, terminal: boolean): Promise<number> {
  const child = startTunes(home, ['play', 'bench'], terminal);
  await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const tunesPid = terminal ? descendantsOf(child.pid!, 'node')[0]! : child.pid!;
  const [tunes] = await cpuOver([tunesPid], seconds);
  await stopChild(child, () => (terminal ? child.stdin!.write('q') : child.kill('SIGTERM')));
  return tunes!;
}

async function rawMpvCpu(binary: string, file: string, seconds: number): Promise<number> {
  const mpv = rawMpv(binary);
  const playing = mpv.when('playback-restart');
  mpv.send(['loadfile', file, 'replace']);
  await playing;
  await new Promise((resolve) => setTimeout(resolve, 500));
  const [cpu] = await cpuOver([mpv.child.pid!], seconds);
  await mpv.stop();
  return cpu!;
}

function stopChild(child: ChildProcess, ask: () => void): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    ask();
  });
}
