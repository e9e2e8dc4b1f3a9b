import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import envPaths from 'env-paths';

export interface PathOptions {
  /** `--db <path>` from the command line. */
  dbOverride?: string | undefined;
  env?: NodeJS.ProcessEnv;
}

/**
 * The database: `--db` (a file path or a postgres:// URL), else `$TUNES_DATABASE_URL`, else
 * `$TUNES_HOME/tunes.db`, else `$XDG_DATA_HOME/tunes/tunes.db` (default ~/.local/share). A URL may
 * carry a password only when it came from the environment (src/db/dialect/postgres-url.ts).
 */
export function resolveDatabasePath({ dbOverride, env = process.env }: PathOptions = {}): string {
  if (dbOverride) return isDatabaseUrl(dbOverride) ? dbOverride : resolve(dbOverride);
  if (env.TUNES_DATABASE_URL) return env.TUNES_DATABASE_URL;
  if (env.TUNES_HOME) return join(resolve(env.TUNES_HOME), 'tunes.db');
  const dataHome = env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(dataHome, 'tunes', 'tunes.db');
}

/** Whether a database location is a server's URL (postgres://...) rather than a file. */
export function isDatabaseUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** A database location as people may see it: a file path as it is, a URL without its password. */
export function databaseLabel(location: string): string {
  if (!isDatabaseUrl(location)) return location;
  try {
    const parsed = new URL(location);
    parsed.password = '';
    for (const key of [...parsed.searchParams.keys()]) if (/pass/i.test(key)) parsed.searchParams.set(key, '');
    return parsed.toString();
  } catch {
    return 'postgres://(unreadable URL)';
  }
}

/** The folder holding config.json when TUNES_HOME is set; otherwise `conf` picks the platform's config dir. */
export function resolveConfigDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.TUNES_HOME ? resolve(env.TUNES_HOME) : undefined;
}

/** config.json itself: where `conf` keeps it (the platform's config folder, via env-paths, as conf does). */
export function resolveConfigFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(resolveConfigDir(env) ?? envPaths('tunes', { suffix: '' }).config, 'config.json');
}

/**
 * Where resized covers (and the originals they are made from) are cached: `$TUNES_HOME/cache`, else
 * `$XDG_CACHE_HOME/tunes` (default ~/.cache/tunes). Only a cache: the database says what each cover is.
 */
export function resolveCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TUNES_HOME) return join(resolve(env.TUNES_HOME), 'cache');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tunes');
}
