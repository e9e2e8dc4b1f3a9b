import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { ensureSongsDatabase, SEARCH_WORD } from './songs-database.js';

const TUNES_BIN = fileURLToPath(new URL('../../bin/tunes.js', import.meta.url));

/** One row of the bench table: a figure, and beside it the baseline it is compared with. */
export interface ServerBenchRow {
  measure: string;
  value: string;
  baseline?: string;
  baselineValue?: string;
}

export interface ServerBenchOptions {
  /** Songs in the database the server answers from (default 1,000,000). */
  songs?: number;
  /** Where the generated database is cached between runs. */
  cache?: string;
  /** Seconds per autocannon run (default 10). */
  seconds?: number;
  connections?: number;
  log?: (message: string) => void;
}

/**
 * `tunes serve` (built CLI, its own process, request log on) against a large catalogue, measured
 * with autocannon over loopback: the two song listings beside GET /health, the framework's ceiling.
 */
export async function benchServerApi(options: ServerBenchOptions = {}): Promise<ServerBenchRow[]> {
  const { songs = 1_000_000, seconds = 10, connections = 50, log = (m) => process.stderr.write(`${m}\n`) } = options;
  const cache = options.cache ?? join(tmpdir(), 'tunes-bench-cache');
  const dbPath = await ensureSongsDatabase(cache, songs, log);
  const server = await startServer(dbPath);
  try {
    const run = async (path: string) => {
      log(`autocannon ${path}: ${connections} connections, ${seconds} s`);
      const result = await autocannon({ url: `${server.url}${path}`, connections, duration: seconds });
      if (result.errors + result.timeouts + result.non2xx > 0) {
        throw new Error(`${path}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`);
      }
      return result;
    };
    const health = await run('/health');
    const search = await run(`/api/songs?q=${SEARCH_WORD}`);
    const list = await run('/api/songs?limit=50');
    const figure = (r: typeof health) => `${Math.round(r.requests.average).toLocaleString('en')} req/s, p99 ${r.latency.p99} ms`;
    const baseline = `GET /health, same server, same run (${connections} connections)`;
    const count = songs.toLocaleString('en');
    return [
      { measure: `GET /api/songs?q=<word> (${count} songs)`, value: figure(search), baseline, baselineValue: figure(health) },
      { measure: `GET /api/songs?limit=50 (${count} songs)`, value: figure(list), baseline, baselineValue: figure(health) },
    ];
  } finally {
    await server.stop();
  }
}

async function startServer(dbPath: string): Promise<{ url: string; stop(): Promise<void> }> {
  const home = mkdtempSync(join(tmpdir(), 'tunes-bench-serve-'));
  // The request log goes to a file: a pipe this process had to drain would compete with autocannon.
  const logPath = join(home, 'serve.log');
  const logFd = openSync(logPath, 'w');
  const child = spawn(process.execPath, [TUNES_BIN, '--db', dbPath, 'serve', '--port', '0'], {
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
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      rmSync(home, { recursive: true, force: true });
    },
  };
}

// Standalone: `node --import tsx tests/bench/server-api.ts [songs] [seconds]` (after `npm run build`).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await benchServerApi({
    ...(process.argv[2] ? { songs: Number(process.argv[2]) } : {}),
    ...(process.argv[3] ? { seconds: Number(process.argv[3]) } : {}),
  });
  for (const row of rows) console.log(`${row.measure}: ${row.value}   | ${row.baseline}: ${row.baselineValue}`);
}
