import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import BetterSqlite3 from 'better-sqlite3';
import { migrations } from '../../../db/migrations/index.js';
import { ensureSyntheticDb } from '../lib/synthetic-db.js';
import { median, ms, percentile, TUNES_BIN, type BenchContext, type BenchRow, type BenchSection } from '../lib/measure.js';
import { benchToken, startServer } from './server.js';

const SECONDS = 10;
const CONNECTIONS = 50;
const FIRST_BYTE_RUNS = 15;
const AUDIO_SECONDS = 120;

/**
 * The Subsonic API on the synthetic catalogue (a copy: the server migrates it): search3 and
 * getAlbumList2 beside GET /api/songs?q= in the same run, authenticated by apiKey as clients do;
 * time to the first byte of a transcoded stream beside ffmpeg alone, and a transcode's CPU per
 * second of audio beside ffmpeg alone.
 */
export const subsonicSection: BenchSection = {
  name: 'subsonic',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const source = await ensureSyntheticDb(ctx.cache, ctx.syntheticTracks, ctx.log);
    const dbPath = join(ctx.scratch, 'subsonic.db');
    const cached = new BetterSqlite3(source);
    cached.pragma('wal_checkpoint(TRUNCATE)');
    cached.close();
    copyFileSync(source, dbPath);
    forgetOtherBranchesMigrations(dbPath);
    const home = mkdtempSync(join(ctx.scratch, 'subsonic-home-'));
    benchToken(dbPath, home);
    const key = appKey(dbPath, home);
    const audio = join(ctx.scratch, 'two-minutes.flac');
    spawnSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=f=440:r=44100', '-ac', '2', '-t', String(AUDIO_SECONDS), audio]);
    const songId = pointSongAt(dbPath, audio);
    let server = await startServer(dbPath, home);
    const n = ctx.syntheticTracks.toLocaleString('en');
    const auth = `apiKey=${key}&f=json&v=1.16.1&c=bench`;
    try {
      const load = async (path: string, varied?: (n: number) => string) => {
        ctx.log(`  autocannon GET ${path.replace(key, '[key]')}${varied ? ' (a different word each request)' : ''}: ${CONNECTIONS} connections, ${SECONDS} s`);
        let n = 0;
        const requests = varied ? [{ setupRequest: (request: { path: string }) => ({ ...request, path: varied(n++) }) }] : undefined;
        const result = await autocannon({ url: `${server.url}${path}`, connections: CONNECTIONS, duration: SECONDS, ...(requests ? { requests } : {}) });
        if (result.non2xx > 0) throw new Error(`GET ${path}: ${result.non2xx} answers were not 2xx`);
        await drain();
        const timedOut = result.timeouts > 0 ? `, ${result.timeouts} timed out (>10 s)` : '';
        return `${Math.round(result.requests.average).toLocaleString('en')} req/s, p50 ${result.latency.p50} / p99 ${result.latency.p99} ms${timedOut}`;
      };
      let drains = 0;
      /**
       * Requests still queued in the server when autocannon stops would be billed to the next figure.
       * /health no longer waits behind searches (they run on search threads), so new searches (never
       * cached), one per thread and more, are what ends only once those threads' queues are empty.
       */
      const drain = async () => {
        for (let i = 0; i < 3; i++) await patiently(`${server.url}/health`);
        await Promise.all(Array.from({ length: 8 }, () => patiently(`${server.url}/rest/search3?${auth}&query=drain${drains++}`)));
      };
      /** /health asked one after another while `busy` runs: how long other requests wait behind searches. */
      const healthDuring = async (busy: Promise<string>) => {
        const times: number[] = [];
        let resets = 0;
        let done = false;
        const figure = busy.finally(() => (done = true));
        await new Promise((resolve) => setTimeout(resolve, 1000));
        while (!done) {
          const started = performance.now();
          try {
            await (await fetch(`${server.url}/health`)).arrayBuffer();
            times.push(performance.now() - started);
          } catch {
            resets++;
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        return { load: await figure, health: `/health p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))} (${times.length} asked${resets > 0 ? `, ${resets} reset` : ''})` };
      };
      const check = await (await fetch(`${server.url}/rest/search3?${auth}&query=love`)).json() as { 'subsonic-response': { status: string } };
      if (check['subsonic-response'].status !== 'ok') throw new Error(`search3 failed: ${JSON.stringify(check)}`);
      const words = titleWords(dbPath);
      const varied = (i: number) => `/rest/search3?${auth}&query=${encodeURIComponent(words[i % words.length]!)}`;
      const api = await load('/api/songs?q=love');
      const pooled = await healthDuring(load(`/rest/search3?${auth}&query=love`, varied));
      const baseline = 'GET /api/songs?q=love (50 songs), same server and run';
      const rows: BenchRow[] = [
        { measure: `search3?query=love (20 artists, 20 albums, 20 songs; ${n} songs; ${CONNECTIONS} conns)`, value: await load(`/rest/search3?${auth}&query=love`), baseline, baselineValue: api },
        { measure: `search3?query=love&songCount=50, songs only`, value: await load(`/rest/search3?${auth}&query=love&songCount=50&albumCount=0&artistCount=0`), baseline, baselineValue: api },
        { measure: `getAlbumList2?type=alphabeticalByName&size=50 (${CONNECTIONS} conns)`, value: await load(`/rest/getAlbumList2?${auth}&type=alphabeticalByName&size=50`), baseline, baselineValue: api },
        { measure: `getAlbumList2?type=newest&size=50`, value: await load(`/rest/getAlbumList2?${auth}&type=newest&size=50`), baseline, baselineValue: api },
      ];
      // The same server with its searches in its own thread: what the search threads change.
      await server.stop();
      server = await startServer(dbPath, home, ['--search-workers', '0']);
      const inThreadApi = await load('/api/songs?q=love');
      const inThread = await healthDuring(load(`/rest/search3?${auth}&query=love`, varied));
      const threads = `default search threads (${Math.min(4, availableParallelism())})`;
      rows.push(
        { measure: `GET /api/songs?q=love, ${threads}`, value: api, baseline: 'the same, --search-workers 0 (searches in the server thread)', baselineValue: inThreadApi },
        {
          measure: `search3, a different title word each request (${words.length.toLocaleString('en')} words: the search cache misses), ${threads}`,
          value: pooled.load,
          baseline: 'the same, --search-workers 0',
          baselineValue: inThread.load,
        },
        { measure: `  /health meanwhile, ${threads}`, value: pooled.health, baseline: 'the same, --search-workers 0', baselineValue: inThread.health },
      );

      const streamUrl = (format: string) => `${server.url}/rest/stream?${auth}&id=${songId}&format=${format}&maxBitRate=128`;
      for (const format of ['mp3', 'opus']) {
        const served = await firstByteTimes(async () => {
          const started = performance.now();
          const response = await fetch(streamUrl(format));
          const reader = response.body!.getReader();
          await reader.read();
          const elapsed = performance.now() - started;
          await reader.cancel();
          return elapsed;
        });
        const alone = await firstByteTimes(() => ffmpegFirstByte(audio, format));
        rows.push({ measure: `stream format=${format}&maxBitRate=128: first audio byte (median of ${FIRST_BYTE_RUNS}, ${BETWEEN_RUNS_MS / 1000} s apart; goal <= 300 ms)`, value: ms(served), baseline: `ffmpeg alone, same arguments, to its first byte`, baselineValue: ms(alone) });
      }

      const before = cpuSeconds(server.pid);
      const whole = await fetch(streamUrl('mp3'));
      await whole.arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const servedCpu = cpuSeconds(server.pid) - before;
      const aloneCpu = ffmpegCpu(audio);
      rows.push({
        measure: `mp3 128 kb/s transcode through stream: CPU per second of audio (${AUDIO_SECONDS} s, server + ffmpeg)`,
        value: `${((servedCpu / AUDIO_SECONDS) * 1000).toFixed(1)} ms`,
        baseline: 'ffmpeg alone, same arguments, to /dev/null',
        baselineValue: `${((aloneCpu / AUDIO_SECONDS) * 1000).toFixed(1)} ms`,
      });
      return rows;
    } finally {
      await server.stop();
    }
  },
};

/**
 * The cached synthetic database is shared with other branches' benches, which may have migrated it
 * with migrations this code does not know (and set user_version past this branch's count, so 0012
 * would never run). The copy forgets theirs and migrates again with this branch's list.
 */
export function forgetOtherBranchesMigrations(dbPath: string): void {
  const db = new BetterSqlite3(dbPath);
  try {
    const known = Object.keys(migrations);
    db.prepare(`delete from kysely_migration where name not in (${known.map(() => '?').join(',')})`).run(...known);
    db.pragma('user_version = 0');
  } finally {
    db.close();
  }
}

export function appKey(dbPath: string, home: string): string {
  const result = spawnSync(process.execPath, [TUNES_BIN, '--db', dbPath, 'apikey', 'create', '--json'], { env: { ...process.env, TUNES_HOME: home }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`apikey create: ${result.stderr}`);
  return (JSON.parse(result.stdout) as { key: string }).key;
}

/** First words of song titles spread over the catalogue, each once: queries a cache has not seen. */
function titleWords(dbPath: string): string[] {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  try {
    const titles = db.prepare('select title from songs where id % 97 = 0 limit 20000').pluck().all() as string[];
    return [...new Set(titles.map((title) => title.split(/\s+/)[0]!.toLowerCase()).filter((word) => /^[a-z]{3,}$/.test(word)))];
  } finally {
    db.close();
  }
}

/** One synthetic song's path becomes a real file, so it can be streamed. */
function pointSongAt(dbPath: string, audio: string): number {
  const db = new BetterSqlite3(dbPath);
  try {
    const id = db.prepare('select min(id) from songs').pluck().get() as number;
    db.prepare('update songs set path = ?, bitrate = 900000 where id = ?').run(audio, id);
    return id;
  } finally {
    db.close();
  }
}

/**
 * A GET that tries again when the connection is reset: a server whose one thread was busy past its
 * header timeout (--search-workers 0 under a search storm, on a loaded box) closes sockets it had
 * not read yet, which ended the whole bench.
 */
async function patiently(url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await (await fetch(url)).arrayBuffer();
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
    }
  }
}

/**
 * A client asks for its next song when the last one ends, not the instant the last one started: a
 * pause between runs (the same for both figures) lets the server's spare ffmpeg (warm-ffmpeg.ts)
 * finish starting, as it has by a real next request.
 */
const BETWEEN_RUNS_MS = 1500;

async function firstByteTimes(once: () => Promise<number>): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < FIRST_BYTE_RUNS; i++) {
    samples.push(await once());
    await new Promise((resolve) => setTimeout(resolve, BETWEEN_RUNS_MS));
  }
  return median(samples);
}

const ffmpegArgs = (audio: string, format: string, out: string) => [
  // -y: /dev/null "exists", and without it ffmpeg would exit at once, transcoding nothing.
  '-y', '-hide_banner', '-loglevel', 'error', '-nostdin', '-i', audio, '-map', '0:a:0', '-vn', '-map_metadata', '-1',
  '-c:a', format === 'opus' ? 'libopus' : 'libmp3lame', '-b:a', '128k', ...(format === 'opus' ? ['-ar', '48000'] : []),
  '-f', format === 'opus' ? 'ogg' : 'mp3', out,
];

function ffmpegFirstByte(audio: string, format: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('ffmpeg', ffmpegArgs(audio, format, 'pipe:1'), { stdio: ['ignore', 'pipe', 'ignore'] });
    child.once('error', reject);
    child.stdout.once('data', () => {
      resolve(performance.now() - started);
      child.kill('SIGKILL');
    });
  });
}

/** CPU seconds of ffmpeg alone, from bash's `times`. */
function ffmpegCpu(audio: string): number {
  const args = ffmpegArgs(audio, 'mp3', '/dev/null').map((a) => `'${a}'`).join(' ');
  const result = spawnSync('bash', ['-c', `ffmpeg ${args}; times`], { encoding: 'utf8' });
  // `times` prints the shell's then its children's user and system times: "0m0.001s 0m0.002s".
  const line = result.stdout.trim().split('\n').at(-1) ?? '';
  return [...line.matchAll(/(\d+)m([\d.]+)s/g)].reduce((sum, m) => sum + Number(m[1]) * 60 + Number(m[2]), 0);
}

/** User + system CPU of a process and its reaped children (/proc/PID/stat utime, stime, cutime, cstime). */
function cpuSeconds(pid: number): number {
  const path = `/proc/${pid}/stat`;
  if (!existsSync(path)) return NaN;
  const fields = readFileSync(path, 'utf8').split(') ')[1]!.split(' ');
  const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
  return ticks / 100;
}
