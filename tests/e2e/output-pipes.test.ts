import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cliLibrary } from '../helpers/cli-library.js';
import { runTunes, TUNES_BIN } from '../helpers/run-cli.js';
import { homeDatabaseEnv } from '../helpers/test-postgres.js';

/** Runs tunes with stdout read like `| head -c 1`: the first chunk, then the pipe is closed. */
function runIntoClosingPipe(args: string[], home: string): Promise<{ code: number | null; first: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TUNES_BIN, ...args], {
      env: { ...process.env, TUNES_HOME: home, ...homeDatabaseEnv(home), NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let first = '';
    let stderr = '';
    child.stdout.once('data', (chunk: Buffer) => {
      first = chunk.toString('utf8');
      child.stdout.destroy();
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, first, stderr }));
  });
}

/** Runs tunes with stdout on /dev/full: every write fails with ENOSPC. */
function runIntoFullDevice(args: string[], home: string): Promise<{ code: number | null; stderr: string }> {
  const full = openSync('/dev/full', 'w');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TUNES_BIN, ...args], {
      env: { ...process.env, TUNES_HOME: home, ...homeDatabaseEnv(home), NO_COLOR: '1' },
      stdio: ['ignore', full, 'pipe'],
    });
    closeSync(full);
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('stdout that goes away or fills up', () => {
  it('ends quietly with exit 0 when the reader closes the pipe, for large outputs of every kind', async () => {
    const { home } = await cliLibrary(['alice'], Array.from({ length: 2500 }, (_, i) => ({ title: `Track ${i}` })));
    const added = await runTunes(['playlist', 'create', 'Big'], { home });
    expect(added.code).toBe(0);
    expect((await runTunes(['playlist', 'add', 'Big', '--search', 'track', '--all'], { home })).code).toBe(0);
    expect((await runTunes(['like', ...Array.from({ length: 300 }, (_, i) => String(i + 1))], { home })).code).toBe(0);

    const commands = [
      ['songs', '--limit', '1000'],
      ['songs', '--limit', '1000', '--json'],
      ['playlist', 'show', 'Big'],
      ['playlist', 'show', 'Big', '--json'],
      ['playlist', 'export', 'Big'],
      ['playlist', 'export', 'Big', '--format', 'xspf'],
      ['liked'],
    ];
    for (const args of commands) {
      const result = await runIntoClosingPipe(args, home);
      expect(result.first.length, args.join(' ')).toBeGreaterThan(0);
      expect(result.stderr, args.join(' ')).toBe('');
      expect(result.code, args.join(' ')).toBe(0);
    }
  });

  it.skipIf(!existsSync('/dev/full'))('is exit 6 with one line when the output cannot be written (a full disk)', async () => {
    const { home } = await cliLibrary(['alice'], Array.from({ length: 50 }, (_, i) => ({ title: `Track ${i}` })));
    await runTunes(['playlist', 'create', 'Small'], { home });
    // The player's commands (the lean client) too: status with no player prints stopped, keys its table.
    for (const args of [['songs'], ['songs', '--json'], ['playlist', 'list'], ['playlist', 'export', 'Small'], ['whoami'], ['status'], ['status', '--json'], ['keys']]) {
      const result = await runIntoFullDevice(args, home);
      expect(result.stderr, args.join(' ')).toBe('tunes: cannot write the output: no space left on the device\n');
      expect(result.code, args.join(' ')).toBe(6);
    }
  });
});
