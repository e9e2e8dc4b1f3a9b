import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from '../helpers/fixtures.js';
import { runTunes } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { freshPostgresUrl, testDialect } from '../helpers/test-postgres.js';

// The homes here stay SQLite under test:pg: these tests point tunes at PostgreSQL themselves.
beforeAll(() => void (process.env['TUNES_TEST_HOME_SQLITE'] = '1'));
afterAll(() => void delete process.env['TUNES_TEST_HOME_SQLITE']);

async function libraryHome(): Promise<string> {
  const home = tempDir();
  expect((await runTunes(['register', 'admin', '--password-stdin'], { home, input: 'correct horse\n' })).code).toBe(0);
  expect((await runTunes(['library', 'add', FIXTURES_DIR], { home })).code).toBe(0);
  return home;
}

/** The target of the dialect under test: a file, or a new database on the test's PostgreSQL. */
const newTarget = async () => (testDialect() === 'postgres' ? freshPostgresUrl() : join(tempDir(), 'copy.db'));

describe('tunes db copy (command line)', () => {
  it('copies the database in use, prints counts per table, and --json gives them', async () => {
    const home = await libraryHome();
    const target = await newTarget();
    const human = await runTunes(['db', 'copy', '--to', target], { home });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^copied .*tunes\.db to /);
    expect(human.stdout).toMatch(/^ {2}songs +\d+$/m);
    expect(human.stdout).toMatch(/total +\d+ rows, counts checked on the target/);
    const again = await runTunes(['db', 'copy', '--to', await newTarget(), '--json'], { home });
    expect(again.code).toBe(0);
    const copy = JSON.parse(again.stdout);
    expect(copy.tables.find((t: { table: string }) => t.table === 'users').rows).toBe(1);
    expect(copy.total_rows).toBe(copy.tables.reduce((sum: number, t: { rows: number }) => sum + t.rows, 0));
    // The copy is a library tunes opens: the same songs and account.
    const songs = (args: string[]) => runTunes([...args, 'songs', '--json'], { home, env: { TUNES_DATABASE_URL: undefined } });
    const [mine, theirs] = [await songs([]), await songs(['--db', target])];
    expect(JSON.parse(theirs.stdout)).toEqual(JSON.parse(mine.stdout));
  });

  it('refuses a target that holds a library without --force (exit 2, one line), and replaces it with --force', async () => {
    const home = await libraryHome();
    const target = await newTarget();
    expect((await runTunes(['db', 'copy', '--to', target], { home })).code).toBe(0);
    const refused = await runTunes(['db', 'copy', '--to', target], { home });
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/^tunes: the target database .* is not empty \(users: 1, sessions: 1, library_roots: 1, \.\.\.\): --force replaces what it holds\n$/);
    const json = await runTunes(['db', 'copy', '--to', target, '--json'], { home });
    expect(JSON.parse(json.stderr).error.code).toBe('usage');
    const forced = await runTunes(['db', 'copy', '--to', target, '--force', '--json'], { home });
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout).tables.find((t: { table: string }) => t.table === 'users').rows).toBe(1);
  });

  it('a bad URL, a password on the command line, the same database, a missing folder: one line each, nothing created', async () => {
    const home = await libraryHome();
    const cases: [string[], number, RegExp][] = [
      [['--to', 'postgres://tunes@db:port/x'], 2, /^tunes: the --to URL is not a valid postgres:\/\/ URL: write postgres:\/\/user@host:port\/database\n$/],
      [['--to', 'postgres://tunes:s3cret-pw@localhost/x'], 2, /^tunes: a database password does not belong on the command line .*: set PGPASSWORD or put it in ~\/\.pgpass\n$/],
      [['--to', join(home, 'tunes.db')], 2, /^tunes: the source and the target are the same database \(.*tunes\.db\)\n$/],
      [['--to', join(home, 'no', 'such', 'folder', 'x.db')], 6, /^tunes: cannot open database .*x\.db: folder .* does not exist\n/],
    ];
    for (const [args, code, stderr] of cases) {
      const result = await runTunes(['db', 'copy', ...args], { home });
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr).toMatch(stderr);
      expect(result.stdout + result.stderr).not.toContain('s3cret-pw');
    }
    expect(existsSync(join(home, 'no'))).toBe(false);
  });

  it('a source that does not exist is not created empty (exit 4)', async () => {
    const home = tempDir();
    const result = await runTunes(['--db', join(home, 'none.db'), 'db', 'copy', '--to', join(home, 'copy.db')], { home });
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/^tunes: there is no database at .*none\.db to copy\n$/);
    expect(existsSync(join(home, 'none.db')) || existsSync(join(home, 'copy.db'))).toBe(false);
  });
});
