import { mkdtempSync, readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { requestFrom } from '../../helpers/http-from.js';
import { ensureSyntheticDb } from '../lib/synthetic-db.js';
import { median, ms, mustSucceed, percentile, runTunes, type BenchContext, type BenchRow, type BenchSection } from '../lib/measure.js';
import { startServer } from './server.js';

const SIGNUPS = 32;
const SLOW_SOCKETS = 300;
/**
 * About the costliest search the catalogue still takes (common words cost most: each is a long
 * posting list to intersect): 10 words, 3 of them one letter.
 */
const WORST_SEARCH = 'love night heart dream fire light blue a s t';

/**
 * What strangers can do to `tunes serve` (issue 11's red-team figures): a sign-up flood, slow
 * sockets, the most expensive search allowed. Each beside the same server's quiet figure.
 */
export const serverGuardSection: BenchSection = {
  name: 'server-guard',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    return [...(await cliLogin(ctx)), ...(await signUpFlood(ctx)), ...(await slowSockets(ctx)), ...(await worstSearch(ctx))];
  },
};

function memoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)![1]) / 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** One full-cost scrypt (N = 2^17) in the CLI, which hashes the same way as the server. */
async function cliLogin(ctx: BenchContext): Promise<BenchRow[]> {
  const home = mkdtempSync(join(ctx.scratch, 'login-home-'));
  mustSucceed(await runTunes(['register', 'alice', '--password-stdin'], home, 'correct horse\n'), 'register alice');
  const login: number[] = [];
  const whoami: number[] = [];
  for (let i = 0; i < 5; i++) {
    login.push(mustSucceed(await runTunes(['login', 'alice', '--password-stdin'], home, 'correct horse\n'), 'login').wallMs);
    whoami.push(mustSucceed(await runTunes(['whoami'], home), 'whoami').wallMs);
  }
  return [
    {
      measure: '`tunes login` (one scrypt, N=2^17, native), median of 5',
      value: ms(median(login)),
      baseline: '`tunes whoami` (no hash), same run',
      baselineValue: `${ms(median(whoami))} (scrypt-js login before: ~3-5 s here)`,
    },
  ];
}

async function signUpFlood(ctx: BenchContext): Promise<BenchRow[]> {
  const home = mkdtempSync(join(ctx.scratch, 'flood-home-'));
  mustSucceed(await runTunes(['register', 'alice', '--password-stdin'], home, 'correct horse\n'), 'register alice');
  const server = await startServer(join(home, 'tunes.db'), home);
  try {
    const credentials = (username: string) => ({ username, password: 'correct horse' });
    const login = (from: string) => requestFrom(server.url, from, { method: 'POST', path: '/api/login', body: credentials('alice') });
    const alone: number[] = [];
    for (let i = 0; i < 3; i++) alone.push((await timed(() => login('127.0.0.2'))).ms);
    const quiet = memoryMiB(server.pid);
    ctx.log(`  ${SIGNUPS} sign-ups at once from ${SIGNUPS} addresses, and a login among them`);
    const flood = Array.from({ length: SIGNUPS }, (_, i) =>
      requestFrom(server.url, `127.0.1.${i + 1}`, { method: 'POST', path: '/api/register', body: credentials(`signup${i}`) }),
    );
    const during = await timed(() => login('127.0.0.3'));
    const answers = await Promise.all(flood);
    const loud = memoryMiB(server.pid);
    const created = answers.filter((a) => a.status === 201).length;
    const busy = answers.filter((a) => a.status === 503).length;
    if (during.value.status !== 200) throw new Error(`login during the flood answered ${during.value.status}`);
    return [
      {
        measure: `peak RSS, ${SIGNUPS} sign-ups at once (${created} created, ${busy} told 503 + Retry-After)`,
        value: `${Math.round(loud.peak)} MiB`,
        baseline: 'RSS after three logins, same server',
        baselineValue: `${Math.round(quiet.rss)} MiB (issue: 4.2 GiB unbounded)`,
      },
      {
        measure: `a real login during the ${SIGNUPS} sign-ups`,
        value: ms(during.ms),
        baseline: 'the same login alone, median of 3',
        baselineValue: `${ms(median(alone))} (issue: 14.6 s during 20 sign-ups)`,
      },
    ];
  } finally {
    await server.stop();
  }
}

/** Sockets that send a request line and then one header byte a second, as a slowloris does. */
async function slowSockets(ctx: BenchContext): Promise<BenchRow[]> {
  const home = mkdtempSync(join(ctx.scratch, 'slow-home-'));
  const server = await startServer(join(home, 'tunes.db'), home);
  const { port } = new URL(server.url);
  try {
    const healthAlone = await healthLatencies(server.url, 50);
    ctx.log(`  ${SLOW_SOCKETS} sockets trickling their headers`);
    const started = performance.now();
    const sockets: Socket[] = [];
    const closedAfter = Promise.all(
      Array.from({ length: SLOW_SOCKETS }, () => {
        const socket = connect(Number(port), '127.0.0.1');
        sockets.push(socket);
        socket.on('error', () => undefined);
        socket.on('connect', () => socket.write('GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '));
        const timer = setInterval(() => socket.writable && socket.write('x'), 1000);
        return new Promise<number>((resolve) =>
          socket.on('close', () => {
            clearInterval(timer);
            resolve(performance.now() - started);
          }),
        );
      }),
    );
    const healthDuring = await healthLatencies(server.url, 50);
    const closed = await closedAfter;
    return [
      {
        measure: `${SLOW_SOCKETS} slow-header sockets: closed by the server after (median / last)`,
        value: `${(median(closed) / 1000).toFixed(1)} s / ${(Math.max(...closed) / 1000).toFixed(1)} s`,
        baseline: 'headers timeout (10 s, checked every 1 s)',
        baselineValue: 'issue: 200 slow-body sockets stayed open 100 s',
      },
      {
        measure: `GET /health p99 while ${SLOW_SOCKETS} slow sockets are open`,
        value: ms(percentile(healthDuring, 99)),
        baseline: 'GET /health p99, same server, no slow sockets',
        baselineValue: ms(percentile(healthAlone, 99)),
      },
    ];
  } finally {
    await server.stop();
  }
}

async function healthLatencies(url: string, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const { ms: took, value } = await timed(() => fetch(`${url}/health`));
    await value.arrayBuffer();
    samples.push(took);
  }
  return samples;
}

async function worstSearch(ctx: BenchContext): Promise<BenchRow[]> {
  const dbPath = await ensureSyntheticDb(ctx.cache, ctx.syntheticTracks, ctx.log);
  const server = await startServer(dbPath, mkdtempSync(join(ctx.scratch, 'search-home-')));
  const path = (query: string) => `/api/songs?q=${encodeURIComponent(query)}`;
  try {
    const oneAtATime = async (query: string) => {
      const samples: number[] = [];
      for (let i = 0; i < 21; i++) {
        const { ms: took, value } = await timed(() => fetch(`${server.url}${path(query)}`));
        if (value.status !== 200) throw new Error(`${path(query)} answered ${value.status}`);
        await value.arrayBuffer();
        if (i > 0) samples.push(took);
      }
      return median(samples);
    };
    const underLoad = async (query: string) => {
      ctx.log(`  40 connections of q=${query.slice(0, 40)}…`);
      const result = await autocannon({ url: `${server.url}${path(query)}`, connections: 40, duration: 10 });
      if (result.non2xx > 0) throw new Error(`${path(query)}: ${result.non2xx} answers were not 2xx`);
      return `${Math.round(result.requests.average)} req/s, p99 ${result.latency.p99} ms`;
    };
    const single = { normal: await oneAtATime('river'), worst: await oneAtATime(WORST_SEARCH) };
    const loaded = { normal: await underLoad('river'), worst: await underLoad(WORST_SEARCH) };
    // Requests autocannon left in flight drain first, so the figure is the refusal's own.
    await (await fetch(`${server.url}/health`)).arrayBuffer();
    const refused = await timed(() => fetch(`${server.url}${path(Array(250).fill('a').join(' '))}`));
    const songs = ctx.syntheticTracks.toLocaleString('en');
    return [
      {
        measure: `the costliest search allowed (10 common words, 3 of one letter), ${songs} songs, one request at a time, median`,
        value: ms(single.worst),
        baseline: 'GET /api/songs?q=river, same server',
        baselineValue: ms(single.normal),
      },
      {
        measure: 'the same, 40 connections for 10 s',
        value: loaded.worst,
        baseline: 'q=river, 40 connections, same server',
        baselineValue: loaded.normal,
      },
      {
        measure: 'a 250-word one-letter search (issue: 45 ms vs 0.35 ms, /health delayed 3.7 s)',
        value: `answered ${refused.value.status} before any query, in ${ms(refused.ms)}`,
      },
    ];
  } finally {
    await server.stop();
  }
}
