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

/**
 * A real `tunes serve` on 127.0.0.1 (port 0) over the album fixtures, with alice (admin) as its first
 * account; or over the files `music` puts in the folder it is given.
 */
export async function serveTunesLibrary(password = 'correct horse', music: (folder: string) => void = (folder) => cpSync(ALBUM_FIXTURES, folder, { recursive: true })): Promise<TunesServer> {
  const home = tempDir();
  await registerUser(home, 'alice', password);
  const folder = join(tempDir(), 'Music');
  music(folder);
  const added = await runTunes(['library', 'add', folder], { home });
  if (added.code !== 0) throw new Error(`library add: ${added.stderr}`);
  return serveTunesHome(home, 0);
}

/** `tunes serve` of a TUNES_HOME on a port (0: any free one); again on the same one, it is that server coming back. */
export async function serveTunesHome(home: string, port: number): Promise<TunesServer> {
  const child = spawn(process.execPath, [TUNES_BIN, 'serve', '--port', String(port)], { env: { ...process.env, TUNES_HOME: home, ...homeDatabaseEnv(home), NO_COLOR: '1' } });
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
