import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * `npm run test:pg` runs the suites against a throwaway PostgreSQL server (scripts/with-postgres.sh)
 * and says where it is in TUNES_TEST_POSTGRES_URL (its password, if any, in PGPASSWORD).
 */
export function testDialect(): 'sqlite' | 'postgres' {
  return process.env.TUNES_TEST_POSTGRES_URL ? 'postgres' : 'sqlite';
}

/** A new, empty database on the test server, for one test; its URL (no password in it). */
export async function freshPostgresUrl(): Promise<string> {
  const server = process.env.TUNES_TEST_POSTGRES_URL;
  if (!server) throw new Error('TUNES_TEST_POSTGRES_URL is not set (run npm run test:pg)');
  const name = `tunes_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}
