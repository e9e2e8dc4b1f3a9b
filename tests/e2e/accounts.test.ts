import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/db/open.js';
import { runTunes } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { runTraced } from '../helpers/traced-run.js';
import { testDialect } from '../helpers/test-postgres.js';
import { openHomeDatabase } from '../helpers/test-store.js';

const PASSWORD = 'correct horse battery';

describe('tunes register / login / logout / whoami', () => {
  it('runs the whole account flow with --password-stdin', async () => {
    const home = tempDir();
    const reg = await runTunes(['register', 'alice', '--password-stdin'], { home, input: `${PASSWORD}\n` });
    expect(reg).toMatchObject({ code: 0, stdout: 'Registered alice\n' });

    expect(await runTunes(['whoami'], { home })).toMatchObject({ code: 0, stdout: 'alice (admin)\n' });
    const json = await runTunes(['whoami', '--json'], { home });
    expect(JSON.parse(json.stdout)).toEqual({ id: 1, username: 'alice', role: 'admin' });

    expect(await runTunes(['logout'], { home })).toMatchObject({ code: 0, stdout: 'Logged out\n' });
    const after = await runTunes(['whoami'], { home });
    expect(after.code).toBe(3);
    expect(after.stderr).toContain('not logged in');

    const login = await runTunes(['login', 'ALICE', '--password-stdin', '--json'], { home, input: `${PASSWORD}\r\n` });
    expect(login.code).toBe(0);
    expect(JSON.parse(login.stdout)).toEqual({ id: 1, username: 'alice', role: 'admin' });

    const bob = await runTunes(['register', 'bob', '--password-stdin', '--json'], { home, input: 'bobs password\n' });
    expect(JSON.parse(bob.stdout)).toEqual({ id: 2, username: 'bob', role: 'user' });
    expect((await runTunes(['whoami'], { home })).stdout).toBe('bob (user)\n');
  });

  it('maps failures to exit codes with one-line errors (JSON on stderr with --json)', async () => {
    const home = tempDir();
    await runTunes(['register', 'alice', '--password-stdin'], { home, input: `${PASSWORD}\n` });

    const taken = await runTunes(['register', 'Alice', '--password-stdin'], { home, input: `${PASSWORD}\n` });
    expect(taken.code).toBe(5);
    expect(taken.stderr).toBe('tunes: username "Alice" is taken\n');

    const wrong = await runTunes(['login', 'alice', '--password-stdin', '--json'], { home, input: 'nope nope\n' });
    expect(wrong.code).toBe(3);
    expect(wrong.stdout).toBe('');
    expect(JSON.parse(wrong.stderr)).toEqual({ error: { code: 'auth_failed', message: 'invalid username or password' } });

    const unknown = await runTunes(['login', 'mallory', '--password-stdin'], { home, input: 'nope nope\n' });
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toBe('tunes: invalid username or password\n');

    const badName = await runTunes(['register', 'x', '--password-stdin'], { home, input: `${PASSWORD}\n` });
    expect(badName.code).toBe(2);
    expect(badName.stderr).toContain('username must be 3-32 characters');

    const shortPw = await runTunes(['register', 'carol', '--password-stdin'], { home, input: 'short\n' });
    expect(shortPw.code).toBe(2);
    expect(shortPw.stderr).toContain('password must be 8-1024 characters');

    const noTerminal = await runTunes(['register', 'dave'], { home });
    expect(noTerminal.code).toBe(2);
    expect(noTerminal.stderr).toContain('--password-stdin');

    const badOption = await runTunes(['whoami', '--nope'], { home });
    expect(badOption.code).toBe(2);
  });

  it('keeps the password out of the database, the config file and all output; config and database are 0600', async () => {
    const home = tempDir();
    const secret = 'unmistakable-secret-42';
    const outputs = [
      await runTunes(['register', 'alice', '--password-stdin', '--json'], { home, input: `${secret}\n` }),
      await runTunes(['login', 'alice', '--password-stdin'], { home, input: `${secret}\n` }),
      await runTunes(['whoami', '--json'], { home }),
    ];
    for (const out of outputs) expect(out.stdout + out.stderr).not.toContain(secret);

    const configPath = join(home, 'config.json');
    expect(statSync(configPath).mode & 0o777).toBe(0o600);
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as { sessionToken: string };
    expect(config.sessionToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(readFileSync(configPath, 'utf8')).not.toContain(secret);

    // Neither the password nor the session token is in any row (the database keeps their hashes).
    const rows = await openHomeDatabase(home);
    try {
      const stored = JSON.stringify([await rows.db.selectFrom('users').selectAll().execute(), await rows.db.selectFrom('sessions').selectAll().execute()]);
      expect(stored).not.toContain(secret);
      expect(stored).not.toContain(config.sessionToken);
    } finally {
      await rows.close();
    }
    // SQLite only: its file (and WAL) on disk are 0600 and hold neither; PostgreSQL's files are the server's.
    if (testDialect() !== 'sqlite') return;
    expect(statSync(join(home, 'tunes.db')).mode & 0o777).toBe(0o600);
    const open = await openStore(join(home, 'tunes.db'));
    try {
      open.sqlite.prepare('select count(*) from users').get();
      expect(statSync(join(home, 'tunes.db-wal')).mode & 0o777).toBe(0o600);
    } finally {
      await open.close();
    }

    for (const file of ['tunes.db', 'tunes.db-wal']) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(home, file));
      } catch {
        continue;
      }
      expect(bytes.includes(Buffer.from(secret))).toBe(false);
      expect(bytes.includes(Buffer.from(config.sessionToken))).toBe(false);
    }
  });

  it('lets exactly one of two racing processes register the same name', async () => {
    const home = tempDir();
    const [a, b] = await Promise.all([
      runTunes(['register', 'racer', '--password-stdin'], { home, input: `${PASSWORD}\n` }),
      runTunes(['register', 'RACER', '--password-stdin'], { home, input: `${PASSWORD}\n` }),
    ]);
    expect([a.code, b.code].sort()).toEqual([0, 5]);
    const users = await runTunes(['whoami', '--json'], { home });
    expect(JSON.parse(users.stdout)).toMatchObject({ id: 1, role: 'admin' });
  });

  it('loads neither ink nor react for a plain command', async () => {
    const { result, imported, ranSources } = await runTraced(['whoami'], tempDir());
    expect(result.code).toBe(3);
    expect(imported).toContain('better-sqlite3');
    expect(imported).not.toMatch(/node_modules\/(ink|react)\//);
    // Ink and React are bundled into the UI's own chunks, none of which a plain command loads.
    expect(ranSources.length).toBeGreaterThan(0);
    for (const source of ranSources) expect(source).not.toMatch(/node_modules\/(ink|react|react-reconciler|yoga-layout)\//);
  });
});
