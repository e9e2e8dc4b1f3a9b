import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach } from 'vitest';
import { ALBUM_FIXTURES } from './album-library.js';
import { registerUser, runTunes, TUNES_BIN, type CliResult } from './run-cli.js';
import { tempDir } from './temp-dir.js';
import { homeDatabaseEnv } from './test-postgres.js';

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

export interface TunesServer {
  home: string;
  url: string;
  child: ChildProcessWithoutNullStreams;
}

/** A real `tunes serve` on 127.0.0.1 (port 0) over the album fixtures, with alice (admin) as its first account. */
export async function serveTunesLibrary(password = 'correct horse'): Promise<TunesServer> {
  const home = tempDir();
  await registerUser(home, 'alice', password);
  const music = join(tempDir(), 'Music');
  cpSync(ALBUM_FIXTURES, music, { recursive: true });
  const added = await runTunes(['library', 'add', music], { home });
  if (added.code !== 0) throw new Error(`library add: ${added.stderr}`);
  const child = spawn(process.execPath, [TUNES_BIN, 'serve', '--port', '0'], { env: { ...process.env, TUNES_HOME: home, ...homeDatabaseEnv(home), NO_COLOR: '1' } });
  children.push(child);
  child.stdout.resume();
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    child.on('close', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  return { home, url, child };
}

/** Runs tunes with --json and parses stdout; a failure throws with its stderr. */
export async function tunesJson<T = unknown>(args: string[], home: string, input?: string): Promise<T> {
  const result = await runTunes([...args, '--json'], { home, ...(input === undefined ? {} : { input }) });
  if (result.code !== 0) throw new Error(`tunes ${args.join(' ')} (exit ${result.code}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** Polls until `check` passes (the player works in the background); the test's own timeout bounds it. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    await sleep(100);
  }
}

export function expectOneLine(result: CliResult): string {
  return result.stderr.trim().split('\n')[0] ?? '';
}
