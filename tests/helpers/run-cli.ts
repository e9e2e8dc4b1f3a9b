import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
// Before our own hook: vitest runs afterEach hooks last-registered first, so players end before their folders go.
import './temp-dir.js';
import { homeDatabaseEnv } from './test-postgres.js';

export const TUNES_BIN = fileURLToPath(new URL('../../bin/tunes.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  home: string;
  input?: string;
  env?: NodeJS.ProcessEnv;
  nodeArgs?: string[];
}

const homes = new Set<string>();
afterEach(async () => {
  for (const home of homes) await stopPlayer(home);
  homes.clear();
});

/** The pid of the background player of this TUNES_HOME (from its lock file), if one is running. */
export function playerPid(home: string): number | undefined {
  try {
    const lock = readdirSync(join(home, 'run')).find((name) => name.endsWith('.lock'));
    return lock ? Number(readFileSync(join(home, 'run', lock), 'utf8').split(' ')[0]) : undefined;
  } catch {
    return undefined;
  }
}

/** Ends the background player of a TUNES_HOME a test used (commands start it detached: it would outlive the test). */
export async function stopPlayer(home: string): Promise<void> {
  const pid = playerPid(home);
  if (pid === undefined) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 200 && isRunning(pid); i += 1) await sleep(25);
  if (isRunning(pid)) process.kill(pid, 'SIGKILL');
}

/** Alive and not a zombie (an ended process nobody has reaped yet). */
export function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) [ZX]/s.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/** Remembers a TUNES_HOME whose player must be ended after the test (when something else started it). */
export function trackHome(home: string): void {
  homes.add(home);
}

/** Runs the built CLI (`bin/tunes.js`) as a user would, with its own TUNES_HOME. */
export function runTunes(args: string[], { home, input, env, nodeArgs = [] }: CliOptions): Promise<CliResult> {
  homes.add(home);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, TUNES_BIN, ...args], {
      // No session bus unless the test brings its own: a player must not show up on the desktop's.
      env: { ...process.env, TUNES_HOME: home, TUNES_AUDIO_OUTPUT: 'null', NO_COLOR: '1', DBUS_SESSION_BUS_ADDRESS: undefined, ...homeDatabaseEnv(home), ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** Registers (and so logs in) a user through the CLI. */
export async function registerUser(home: string, username: string, password = 'correct horse'): Promise<void> {
  const result = await runTunes(['register', username, '--password-stdin'], { home, input: `${password}\n` });
  if (result.code !== 0) throw new Error(`register ${username} failed: ${result.stderr}`);
}
