import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, statSync, truncateSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname } from 'node:path';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PlayerPaths } from '../config/player-paths.js';
import { TunesError, errorCodeOf } from '../errors.js';
import { PlayerClient } from './player-client.js';

export interface LaunchOptions {
  paths: PlayerPaths;
  /** `--db` as given on the command line (the player opens the same database). */
  dbOverride?: string | undefined;
  /** The CLI's entry script (dist/bundle/main.js): the player is `node <entry> player run`. */
  entry: string;
  env: NodeJS.ProcessEnv;
  /** Start mpv at once (the command is about to play). */
  warm?: boolean;
}

const MAX_LOG_BYTES = 1024 * 1024;

/**
 * A connection to the player, starting it first when none is running: in the background, in a
 * session of its own (it outlives this terminal), its output in its log file. It says on a pipe
 * whether it is ready, failed (the error comes back here, code and all), or found another player
 * starting at the same moment (then we connect to that one).
 */
export async function connectOrStartPlayer(options: LaunchOptions): Promise<PlayerClient> {
  if (!early) {
    const running = await PlayerClient.connect(options.paths.socket);
    if (running) return running;
  }
  await (early ?? launch(options));
  return waitForSocket(options.paths.socket);
}

let early: Promise<void> | undefined;

/**
 * Starts the player now, before the command has loaded the rest of itself (it needs the player
 * and none is running: no socket), so both start-ups overlap; connectOrStartPlayer then waits
 * for this one.
 */
export function startPlayerEarly(options: LaunchOptions): void {
  if (early || existsSync(options.paths.socket)) return;
  early = launch(options);
  early.catch(() => undefined);
}

async function launch({ paths, dbOverride, entry, env, warm }: LaunchOptions): Promise<void> {
  mkdirSync(dirname(paths.logFile), { recursive: true, mode: 0o700 });
  trimLog(paths.logFile);
  const log = openSync(paths.logFile, 'a', 0o600);
  const args = [entry, ...(dbOverride ? ['--db', paths.database] : []), 'player', 'run', '--ready-fd', '3', ...(warm ? ['--warm'] : [])];
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', log, log, 'pipe'], cwd: homedir(), env });
  closeSync(log);
  const said = await readAll(child.stdio[3] as Readable);
  child.unref();
  let message: { status?: string; error?: { code: string; message: string; hint?: string } } = {};
  try {
    message = JSON.parse(said.trim().split('\n').at(-1) ?? '') as typeof message;
  } catch {
    throw new TunesError('io', `the player did not start (its log: ${paths.logFile})`);
  }
  if (message.status === 'failed' && message.error) {
    throw new TunesError(errorCodeOf(message.error.code), message.error.message, message.error.hint);
  }
}

/** Ready: the socket is up. Running: another command's player holds the lock and is opening. */
async function waitForSocket(socket: string): Promise<PlayerClient> {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    const client = await PlayerClient.connect(socket);
    if (client) return client;
    await sleep(Math.min(50, 2 + attempt));
  }
  throw new TunesError('io', `the player did not open its socket ${socket}`);
}

function readAll(stream: Readable): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => (text += chunk));
    stream.on('error', () => resolve(text));
    stream.on('close', () => resolve(text));
  });
}

function trimLog(path: string): void {
  try {
    if (statSync(path).size > MAX_LOG_BYTES) truncateSync(path, 0);
  } catch {
    // no log yet
  }
}
