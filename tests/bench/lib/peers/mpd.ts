import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { mustSucceed, runProcess } from '../measure.js';
import type { PeerScan } from './cmus.js';

/** A running mpd on a free port over `corpus`, with its own config, database and log in a temp dir. */
export interface MpdInstance {
  /** `mpc update --wait`: a first scan on a fresh database, an unchanged rescan afterwards. */
  update(): Promise<PeerScan>;
  stop(): Promise<void>;
}

/**
 * An empty mpd database to start each first scan from. A missing database file makes mpd scan on
 * its own at start-up, so an empty one is made once (mpd over an empty folder); each run then starts
 * from a copy and `mpc update --wait` is the whole first scan, timed from the command line like tunes'.
 */
export async function emptyMpdDatabase(scratch: string): Promise<string> {
  const dir = mkdtempSync(join(scratch, 'mpd-empty-'));
  const empty = join(dir, 'music');
  mkdirSync(empty);
  const db = join(dir, 'mpd.db');
  const template = await run(dir, empty, db);
  await template.mpc(['update', '--wait']);
  await template.stop();
  if (!existsSync(db)) throw new Error('mpd wrote no database');
  return db;
}

/** mpd over `corpus`, starting from a copy of `emptyDatabase`. */
export async function startMpd(corpus: string, scratch: string, emptyDatabase: string): Promise<MpdInstance> {
  const dir = mkdtempSync(join(scratch, 'mpd-'));
  const db = join(dir, 'mpd.db');
  copyFileSync(emptyDatabase, db);
  const instance = await run(dir, corpus, db);
  return {
    async update() {
      const t0 = performance.now();
      await instance.mpc(['update', '--wait']);
      const ms = performance.now() - t0;
      const stats = await instance.mpc(['stats']);
      return { ms, files: Number(/Songs:\s+(\d+)/.exec(stats)?.[1] ?? 0) };
    },
    stop: () => instance.stop(),
  };
}

async function run(dir: string, music: string, db: string) {
  const port = await freePort();
  const config = join(dir, `mpd-${port}.conf`);
  writeFileSync(
    config,
    [
      `music_directory "${music}"`, `db_file "${db}"`, `log_file "${join(dir, 'mpd.log')}"`, 'log_level "warning"',
      'bind_to_address "127.0.0.1"', `port "${port}"`, 'auto_update "no"',
      'audio_output {', '  type "null"', '  name "null"', '}', '',
    ].join('\n'),
  );
  const child = spawn('mpd', ['--no-daemon', config], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const mpc = async (args: string[]) => mustSucceed(await runProcess('mpc', ['-p', String(port), ...args]), `mpc ${args.join(' ')}`).stdout;
  const deadline = Date.now() + 20_000;
  while ((await runProcess('mpc', ['-p', String(port), 'status'])).code !== 0) {
    if (Date.now() > deadline) throw new Error('mpd did not start');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    mpc,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
