import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { runTunes, type CliResult } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { freshPostgresUrl, testDialect } from '../helpers/test-postgres.js';

// The homes here stay SQLite under test:pg: these tests point tunes at PostgreSQL themselves.
beforeAll(() => void (process.env['TUNES_TEST_HOME_SQLITE'] = '1'));
afterAll(() => void delete process.env['TUNES_TEST_HOME_SQLITE']);

const PASSWORD = 'Pw-7qZx!never-shown';
const ROLE = `tunes_pw_${process.pid}`;

/** Every file under `folder` (config, logs, keys) as text. */
function filesUnder(folder: string): string {
  let text = '';
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    text += statSync(path).isDirectory() ? filesUnder(path) : readFileSync(path, 'latin1');
  }
  return text;
}

const shown = (result: CliResult) => result.stdout + result.stderr;

// Needs a PostgreSQL server (npm run test:pg); on SQLite there is no password to keep.
describe.skipIf(testDialect() !== 'postgres')('tunes on PostgreSQL from the command line', () => {
  let url: URL;
  beforeAll(async () => {
    url = new URL(await freshPostgresUrl());
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(`create role ${ROLE} login password '${PASSWORD}'`);
    await admin.query(`alter database ${url.pathname.slice(1)} owner to ${ROLE}`);
    await admin.query(`alter schema public owner to ${ROLE}`);
    await admin.end();
    url.username = ROLE;
  });
  const withPassword = (password: string) => {
    const u = new URL(url);
    u.password = password;
    return u.toString();
  };
  // The admin's password of the test server must not stand in for the role's.
  const env = (extra: Record<string, string | undefined>) => ({ PGPASSWORD: undefined, PGPASSFILE: '/nonexistent', ...extra });

  it('refuses a password on the command line without repeating it (exit 2)', async () => {
    const home = tempDir();
    const result = await runTunes(['--db', withPassword(PASSWORD), 'users', 'list'], { home, env: env({}) });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/password does not belong on the command line/);
    expect(shown(result)).not.toContain(PASSWORD);
  });

  it('a wrong password: exit 6 naming the database without any password', async () => {
    const home = tempDir();
    const result = await runTunes(['users', 'list'], { home, env: env({ TUNES_DATABASE_URL: withPassword(`${PASSWORD}-wrong`) }) });
    expect(result.code).toBe(6);
    expect(result.stderr).toContain(`cannot open database postgres://${ROLE}@`);
    expect(shown(result)).not.toContain(PASSWORD);
    expect(filesUnder(home)).not.toContain(PASSWORD);
  });

  it('works with the password from TUNES_DATABASE_URL, PGPASSWORD or a pgpass file beside --db, and never shows it', async () => {
    const home = tempDir();
    const fromEnv = env({ TUNES_DATABASE_URL: withPassword(PASSWORD) });
    const results: CliResult[] = [];
    results.push(await runTunes(['register', 'admin', '--password-stdin'], { home, input: 'correct horse\n', env: fromEnv }));
    results.push(await runTunes(['library', 'add', FIXTURES_DIR, '--json'], { home, env: fromEnv }));
    results.push(await runTunes(['whoami', '--json'], { home, env: fromEnv }));
    results.push(await runTunes(['--db', url.toString(), 'users', 'list', '--json'], { home, env: env({ PGPASSWORD: PASSWORD }) }));
    results.push(await runTunes(['--db', url.toString(), 'whoami'], { home, env: env({ PGPASSWORD: PASSWORD }) }));
    const passFile = join(tempDir(), 'pgpass');
    writeFileSync(passFile, `*:*:*:${ROLE}:${PASSWORD}\n`, { mode: 0o600 });
    results.push(await runTunes(['--db', url.toString(), 'whoami'], { home, env: env({ PGPASSFILE: passFile }) }));
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(JSON.parse(results[1]!.stdout).scan.added).toBeGreaterThan(5);
    expect(JSON.parse(results[3]!.stdout).map((u: { username: string }) => u.username)).toEqual(['admin']);
    for (const result of results) expect(shown(result)).not.toContain(PASSWORD);
    expect(filesUnder(home)).not.toContain(PASSWORD);
  });
});

describe.skipIf(testDialect() !== 'postgres')('ids past PostgreSQL\'s integer from the command line', () => {
  it('are "no such song" (exit 4), as on SQLite, not a failed query', async () => {
    const db = await freshPostgresUrl();
    const home = tempDir();
    const shown = await runTunes(['--db', db, 'songs', 'show', '3000000000'], { home });
    expect([shown.code, shown.stderr]).toEqual([4, 'tunes: no song with id 3000000000\n']);
    const album = await runTunes(['--db', db, 'albums', 'show', '3000000000', '--json'], { home });
    expect([album.code, JSON.parse(album.stderr)]).toEqual([4, { error: { code: 'not_found', message: 'no album with id 3000000000' } }]);
  });
});
