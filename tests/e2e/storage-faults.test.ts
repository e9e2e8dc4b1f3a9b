import { closeSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { registerUser, runTunes, type CliResult } from '../helpers/run-cli.js';
import { canMountDisks, remount, smallDisk } from '../helpers/small-disk.js';
import { tempDir } from '../helpers/temp-dir.js';

/** Exit `code`, nothing on stdout, and on stderr the `tunes:` line (plus at most a hint), no stack. */
function expectFault(result: CliResult, code: number, message: RegExp): void {
  expect(result.stderr, result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(result.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(2);
  expect([result.code, result.stdout]).toEqual([code, '']);
}

/** Writes until the disk is full (ENOSPC), so the next write anywhere on it fails. */
function fillDisk(dir: string): void {
  const fd = openSync(join(dir, 'filler'), 'w');
  const block = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  // Smaller writes fill the last partial blocks too.
  const small = openSync(join(dir, 'filler-2'), 'w');
  try {
    for (;;) writeSync(small, Buffer.alloc(512, 1));
  } catch {
    // full
  } finally {
    closeSync(small);
  }
}

describe('faults are exit codes and one line, not bug reports', () => {
  it('a file that is not a database, and a damaged database', async () => {
    const home = tempDir();
    expectFault(await runTunes(['--db', '/etc/passwd', 'songs'], { home }), 6, /^tunes: \/etc\/passwd is not a tunes database\n/);
    await registerUser(home, 'alice');
    const db = join(home, 'tunes.db');
    // Fold the WAL in, then overwrite everything after the first page with garbage.
    expect((await runTunes(['songs'], { home })).code).toBe(0);
    const size = statSync(db).size;
    const bytes = readFileSync(db);
    for (let i = 4096; i < size; i += 1) bytes[i] = (i * 7919) & 0xff;
    writeFileSync(db, bytes);
    const damaged = await runTunes(['songs'], { home });
    expectFault(damaged, 6, new RegExp(`^tunes: (database ${db} is damaged|${db} is not a tunes database)`));
    expect(readFileSync(db).equals(bytes)).toBe(true);
  });

  it('a config.json that is not JSON or holds the wrong types names the file; an unusable session is exit 3', async () => {
    const home = tempDir();
    await registerUser(home, 'alice');
    const config = join(home, 'config.json');
    const cases: Array<[string, number, string]> = [
      ['{"sessionToken": ', 6, 'it is not valid JSON'],
      ['[]', 6, 'it holds a list, not a JSON object'],
      ['"x"', 6, 'it holds a string, not a JSON object'],
      ['{"volume": "loud"}', 6, '"volume" must be a number from 0 to 100, not "loud"'],
    ];
    for (const [text, code, why] of cases) {
      writeFileSync(config, text);
      for (const args of [['songs'], ['whoami'], ['serve', '--port', '0']]) {
        const result = await runTunes(args, { home });
        expectFault(result, code, new RegExp(`^tunes: cannot use the config file ${config}: ${why.replace(/[()[\]]/g, '\\$&')}`));
      }
      expect(readFileSync(config, 'utf8')).toBe(text);
    }
    writeFileSync(config, '{"sessionToken": 5}');
    expectFault(await runTunes(['whoami'], { home }), 3, new RegExp(`^tunes: the session saved in ${config} is unusable \\("sessionToken" is a number\\)\nhint: log in again`));
    expect((await runTunes(['songs'], { home })).code).toBe(0);
    const login = await runTunes(['login', 'alice', '--password-stdin'], { home, input: 'correct horse\n' });
    expect(login.code, login.stderr).toBe(0);
    expect((await runTunes(['whoami'], { home })).stdout).toBe('alice (admin)\n');
  });

  it.skipIf(!canMountDisks)('a full disk: exit 6 naming the database, whether a write or opening it fails', async () => {
    const home = smallDisk('3m');
    await registerUser(home, 'alice');
    for (const name of ['a', 'b', 'c']) expect((await runTunes(['playlist', 'create', name], { home })).code).toBe(0);
    fillDisk(home);
    const full = new RegExp(`^tunes: the disk holding ${home}/tunes.db is full\nhint: free some space`);
    expectFault(await runTunes(['playlist', 'create', 'more'], { home }), 6, full);
    expectFault(await runTunes(['login', 'alice', '--password-stdin'], { home, input: 'correct horse\n' }), 6, full);
    expectFault(await runTunes(['library', 'scan'], { home }), 6, full);
  });

  it.skipIf(!canMountDisks)('tunes login with the config on a full disk keeps the old session, and the new one is not left behind', async () => {
    const home = smallDisk('1m');
    const db = join(tempDir(), 'tunes.db');
    const as = (args: string[], input?: string) => runTunes(['--db', db, ...args], { home, ...(input ? { input } : {}) });
    expect((await as(['register', 'alice', '--password-stdin'], 'correct horse\n')).code).toBe(0);
    expect((await as(['register', 'bob', '--password-stdin'], 'correct horse\n')).code).toBe(0);
    fillDisk(home);
    const before = readFileSync(join(home, 'config.json'), 'utf8');
    const login = await as(['login', 'alice', '--password-stdin'], 'correct horse\n');
    expectFault(login, 6, new RegExp(`^tunes: cannot save the session in ${home}/config.json: no space left on the device\nhint: you are still logged in as before\n$`));
    expect(readFileSync(join(home, 'config.json'), 'utf8')).toBe(before);
    expect((await as(['whoami'])).stdout).toBe('bob (user)\n');
    // The session made for the failed login was ended: only bob's two sessions' worth remain.
    const sqlite = new BetterSqlite3(db, { readonly: true });
    try {
      expect(sqlite.prepare('select count(*) from sessions s join users u on u.id = s.user_id where u.username = ?').pluck().get('alice')).toBe(0);
    } finally {
      sqlite.close();
    }
  });

  it.skipIf(!canMountDisks)('a read-only disk: exit 6 with the database named', async () => {
    const home = smallDisk('8m');
    await registerUser(home, 'alice');
    expect((await runTunes(['playlist', 'create', 'mine'], { home })).code).toBe(0);
    remount(home, 'ro');
    try {
      for (const args of [['playlist', 'create', 'other'], ['like', '1'], ['songs'], ['whoami']]) {
        const result = await runTunes(args, { home });
        if (result.code === 0) continue; // a read that a read-only database can still answer
        expectFault(result, 6, new RegExp(`^tunes: (the database ${home}/tunes.db cannot be written|cannot use the database ${home}/tunes.db|cannot open database)`));
      }
      expectFault(await runTunes(['playlist', 'create', 'other'], { home }), 6, /tunes\.db/);
    } finally {
      remount(home, 'rw');
    }
  });
});
