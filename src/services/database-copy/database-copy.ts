import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { databaseLabel, isDatabaseUrl } from '../../config/paths.js';
import { resolveServerKeyFile } from '../../config/server-key-file.js';
import { copyStore, heldRows } from '../../db/copy/copy-database.js';
import { openDatabase, type Store } from '../../db/open.js';
import type { DatabaseCopy, DatabaseCopyProgress } from '../../domain/database-copy.js';
import { TunesError } from '../../errors.js';

export interface CopyDatabaseOptions {
  /** The database in use (a file path or a postgres:// URL, its password possibly in it: from the environment). */
  from: string;
  /** Where to copy it: typed by the user, so a URL here must carry no password. */
  to: string;
  /** `from` was typed on the command line (--db): a URL there must carry no password either. */
  fromTyped?: boolean;
  /** Empty a target that already holds a library instead of refusing it. */
  replace?: boolean;
  onProgress?: (progress: DatabaseCopyProgress) => void;
  env?: NodeJS.ProcessEnv;
}

/** The target already holds a library and was not to be replaced. */
export class TargetNotEmptyError extends TunesError {
  constructor(
    readonly target: string,
    readonly held: { table: string; rows: number }[],
  ) {
    const what = held.slice(0, 3).map((t) => `${t.table}: ${t.rows}`).join(', ');
    super('usage', `the target database ${target} is not empty (${what}${held.length > 3 ? ', ...' : ''})`);
  }
}

/**
 * Copies the whole library, accounts and history from one database to another (SQLite and
 * PostgreSQL, either way): the target's migrations first, then every table with its ids, counted.
 */
export async function copyDatabase({ from, to, fromTyped = false, replace = false, onProgress, env = process.env }: CopyDatabaseOptions): Promise<DatabaseCopy> {
  const target = isDatabaseUrl(to) ? to : resolve(to);
  if (databaseLabel(from) === databaseLabel(target)) throw new TunesError('usage', `the source and the target are the same database (${databaseLabel(target)})`);
  if (!isDatabaseUrl(from) && !existsSync(from)) throw new TunesError('not_found', `there is no database at ${from} to copy`);
  const source = await openDatabase(from, { createFolder: false, fromCommandLine: fromTyped });
  try {
    const destination = await openDatabase(target, { createFolder: false, fromCommandLine: true });
    try {
      return await copyBetween(source, destination, replace, onProgress, env);
    } finally {
      await destination.close();
    }
  } finally {
    await source.close();
  }
}

async function copyBetween(source: Store, target: Store, replace: boolean, onProgress: CopyDatabaseOptions['onProgress'], env: NodeJS.ProcessEnv): Promise<DatabaseCopy> {
  if (!replace) {
    const held = await heldRows(target);
    if (held.length > 0) throw new TargetNotEmptyError(target.location, held);
  }
  const tables = await copyStore(source, target, { replace, ...(onProgress ? { onProgress } : {}) });
  const appKeys = tables.find((t) => t.table === 'app_keys')?.rows ?? 0;
  return {
    from: source.location,
    to: target.location,
    tables,
    total_rows: tables.reduce((sum, t) => sum + t.rows, 0),
    server_key_file: appKeys > 0 ? resolveServerKeyFile(env) : null,
  };
}
