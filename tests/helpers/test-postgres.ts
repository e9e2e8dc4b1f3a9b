import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * `npm run test:pg` runs the suites against a throwaway PostgreSQL server (scripts/with-postgres.sh)
 * and says where it is in TUNES_TEST_POSTGRES_URL (its password, if any, in PGPASSWORD).
 */
export function testDialect(): 'sqlite' | 'postgres' {
  return process.env.TUNES_TEST_POSTGRES_URL ? 'postgres' : 'sqlite';
}

function testServerUrl(): string {
  const server = process.env.TUNES_TEST_POSTGRES_URL;
  if (!server) throw new Error('TUNES_TEST_POSTGRES_URL is not set (run npm run test:pg)');
  return server;
}

function freshDatabaseName(): string {
  return `tunes_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

function urlOfDatabase(name: string): string {
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new, empty database on the test server, for one test; its URL (no password in it). */
export async function freshPostgresUrl(): Promise<string> {
  const name = freshDatabaseName();
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return urlOfDatabase(name);
}

const homeDatabases = new Map<string, string>();
let passFile: string | undefined;

/**
 * The PostgreSQL database of one TUNES_HOME under test:pg (made on first use, synchronously, so
 * every place that spawns tunes can call it), as the CLI finds it: TUNES_DATABASE_URL. The server's
 * password travels in a pgpass file (PGPASSFILE), never in an argument, since some tests hand their
 * environment to tmux on its command line.
 */
function homeDatabaseUrl(home: string): string {
  const known = homeDatabases.get(home);
  if (known) return known;
  const name = freshDatabaseName();
  // psql takes its password from PGPASSWORD in the inherited environment.
  execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', testServerUrl(), '-c', `create database ${name}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  const url = urlOfDatabase(name);
  homeDatabases.set(home, url);
  return url;
}

function testPassFile(): string | undefined {
  const password = process.env.PGPASSWORD;
  if (!password) return undefined;
  if (!passFile) {
    passFile = join(mkdtempSync(join(tmpdir(), 'tunes-pgpass-')), 'pgpass');
    const escaped = password.replaceAll('\\', '\\\\').replaceAll(':', '\\:');
    writeFileSync(passFile, `*:*:*:*:${escaped}\n`, { mode: 0o600 });
  }
  return passFile;
}

/**
 * What a tunes process of `home` needs in its environment to find the library under test: nothing
 * on SQLite (it opens $TUNES_HOME/tunes.db), its own PostgreSQL database under test:pg.
 */
export function homeDatabaseEnv(home: string): Record<string, string> {
  // Set (beforeAll) by files that point tunes at PostgreSQL themselves beside an SQLite home: db copy, --db URLs.
  if (testDialect() !== 'postgres' || process.env['TUNES_TEST_HOME_SQLITE']) return {};
  const pass = testPassFile();
  return { TUNES_DATABASE_URL: homeDatabaseUrl(home), ...(pass ? { PGPASSFILE: pass } : {}) };
}

/** Where the library of `home` is: its tunes.db, or its PostgreSQL database under test:pg. */
export function homeDatabaseLocation(home: string): string {
  return testDialect() === 'postgres' ? homeDatabaseUrl(home) : join(home, 'tunes.db');
}

/** homeDatabaseEnv as `NAME=value` words, for a shell command line (`env ... tunes`). */
export function homeDatabaseEnvWords(home: string): string {
  return Object.entries(homeDatabaseEnv(home)).map(([name, value]) => `${name}=${value} `).join('');
}

