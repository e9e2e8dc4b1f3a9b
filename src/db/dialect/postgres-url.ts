import { databaseLabel } from '../../config/paths.js';
import { TunesError } from '../../errors.js';

/** Whether a --db value or TUNES_DATABASE_URL names a PostgreSQL database rather than a file. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** The URL as people may see it: never its password (nor a password= query parameter). */
export function redactedUrl(url: string): string {
  return databaseLabel(url);
}

/**
 * A URL typed on the command line must not carry a password: argv is visible to every user of the
 * machine (ps, /proc). It comes from TUNES_DATABASE_URL, PGPASSWORD or ~/.pgpass instead.
 */
export function refusePasswordOnCommandLine(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TunesError('usage', 'the --db URL is not a valid postgres:// URL', 'write postgres://user@host:port/database');
  }
  if (parsed.password || [...parsed.searchParams.keys()].some((k) => /pass/i.test(k))) {
    throw new TunesError(
      'usage',
      'a database password does not belong on the command line (other users can read it there)',
      'set PGPASSWORD, put it in ~/.pgpass, or give the whole URL in TUNES_DATABASE_URL',
    );
  }
}
