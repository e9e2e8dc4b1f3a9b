import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import BetterSqlite3 from 'better-sqlite3';
import { ensureSyntheticDb } from '../lib/synthetic-db.js';
import { TUNES_BIN, type BenchContext, type BenchRow, type BenchSection } from '../lib/measure.js';

const SECONDS = 10;
const CONNECTIONS = 50;
/** In the synthetic catalogue: a common word (about 1.5% of songs) and the most common one (about a quarter). */
const SEARCH_WORDS = ['river', 'love'];

/**
 * `tunes serve` (the built CLI in its own process, request log on) over the synthetic catalogue,
 * loaded by autocannon on loopback: song searches and listings beside GET /health in the same
 * run, which is the framework's own ceiling on this machine.
 */
export const serverSection: BenchSection = {
  name: 'server',
  async run(ctx: BenchContext): Promise<BenchRow[]> {
    const dbPath = await ensureSyntheticDb(ctx.cache, ctx.syntheticTracks, ctx.log);
    const home = mkdtempSync(join(ctx.scratch, 'serve-home-'));
    const token = benchToken(dbPath, home);
    const server = await startServer(dbPath, home);
    try {
      const load = async (path: string, headers: Record<string, string> = {}) => {
        ctx.log(`  autocannon GET ${path}${headers['authorization'] ? ' with a token' : ''}: ${CONNECTIONS} connections, ${SECONDS} s`);
        const result = await autocannon({ url: `${server.url}${path}`, connections: CONNECTIONS, duration: SECONDS, headers });
        if (result.non2xx > 0) throw new Error(`GET ${path}: ${result.non2xx} answers were not 2xx`);
        const figure = `${Math.round(result.requests.average).toLocaleString('en')} req/s, p99 ${result.latency.p99} ms`;
        // autocannon gives up on a request after 10 s; a slow query shows here rather than aborting the bench.
        return result.timeouts > 0 ? `${figure}, ${result.timeouts} timed out (>10 s)` : figure;
      };
      const health = await load('/health');
      const n = ctx.syntheticTracks.toLocaleString('en');
      const baseline = `GET /health, same server and run`;
      const rows: BenchRow[] = [];
      for (const word of SEARCH_WORDS) {
        const value = await load(`/api/songs?q=${word}`);
        const matches = countMatches(dbPath, word).toLocaleString('en');
        rows.push({ measure: `GET /api/songs?q=${word} (${matches} of ${n} songs match; ${CONNECTIONS} conns)`, value, baseline, baselineValue: health });
      }
      const list = await load('/api/songs?limit=50');
      rows.push({ measure: `GET /api/songs?limit=50 (${n} songs; ${CONNECTIONS} conns)`, value: list, baseline, baselineValue: health });
      // With a token every song carries a signed stream_url (an HMAC each), and the session is checked.
      const signed = await load('/api/songs?limit=50', { authorization: `Bearer ${token}` });
      rows.push({
        measure: `GET /api/songs?limit=50 with a token: 50 signed stream_url (${CONNECTIONS} conns)`,
        value: signed,
        baseline: 'the same page without a token, same run',
        baselineValue: list,
      });
      return rows;
    } finally {
      await server.stop();
    }
  },
};

/** A session for the bench's own account on the synthetic database (made on the first run, kept in the cache). */
export function benchToken(dbPath: string, home: string): string {
  const env = { ...process.env, TUNES_HOME: home };
  const input = 'bench password\n';
  for (const command of ['login', 'register']) {
    const result = spawnSync(process.execPath, [TUNES_BIN, '--db', dbPath, command, 'bench-listener', '--password-stdin'], { env, input });
    if (result.status === 0) break;
  }
  const token = (JSON.parse(readFileSync(join(home, 'config.json'), 'utf8')) as { sessionToken?: string }).sessionToken;
  if (!token) throw new Error('bench: could not log in to the synthetic database');
  return token;
}

function countMatches(dbPath: string, word: string): number {
  const db = new BetterSqlite3(dbPath, { readonly: true });
  try {
    return db.prepare('select count(*) from songs_fts where songs_fts match ?').pluck().get(`"${word}"*`) as number;
  } finally {
    db.close();
  }
}

export async function startServer(dbPath: string, home: string, extraArgs: string[] = []): Promise<{ url: string; pid: number; stop(): Promise<void> }> {
  // The request log goes to a file: a pipe this process had to drain would compete with autocannon.
  const logPath = join(home, 'serve.log');
  const logFd = openSync(logPath, 'w');
  // Registration open: the guard section signs up over HTTP.
  const child = spawn(process.execPath, [TUNES_BIN, '--db', dbPath, 'serve', '--port', '0', '--registration', 'open', ...extraArgs], {
    env: { ...process.env, TUNES_HOME: home },
    stdio: ['ignore', 'ignore', logFd],
  });
  closeSync(logFd);
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const poll = setInterval(() => {
      const match = /listening on (http:\/\/\S+)/.exec(readFileSync(logPath, 'utf8'));
      if (match) {
        clearInterval(poll);
        resolve(match[1]!);
      }
    }, 50);
    void exited.then((code) => {
      clearInterval(poll);
      reject(new Error(`tunes serve exited ${code}: ${readFileSync(logPath, 'utf8')}`));
    });
  });
  return {
    url,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
