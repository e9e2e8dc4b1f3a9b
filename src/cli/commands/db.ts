import type { Command } from 'commander';
import { isDatabaseUrl, resolveDatabasePath } from '../../config/paths.js';
import type { DatabaseCopy } from '../../domain/database-copy.js';
import { TunesError } from '../../errors.js';
import { copyDatabase, TargetNotEmptyError } from '../../services/database-copy/database-copy.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { copyProgressLine } from '../copy-progress-line.js';
import { emit, groupAction, note, withGroupOptions, withJson, type JsonOption } from '../output.js';
import type { CliRuntime } from '../runtime.js';

interface CopyOptions extends JsonOption {
  to: string;
  force?: boolean;
}

/** `tunes db copy --to TARGET`: the whole library moved to another database (SQLite or PostgreSQL). */
export function registerDbCommands(program: Command, runtime: CliRuntime): void {
  const db = withJson(program.command('db').description('the database itself: copy it to another one')).action(
    groupAction(async () => {
      throw new TunesError('usage', 'tunes db needs a command', 'run `tunes db --help` for its commands');
    }),
  );
  withJson(
    db
      .command('copy')
      .description('copy everything (accounts, library, playlists, history) from the database in use to another, SQLite or PostgreSQL')
      .requiredOption('--to <database>', 'a file path or postgres://user@host:port/database (the password from PGPASSWORD or ~/.pgpass)')
      .option('--force', 'empty a target that already holds a library and replace what it holds'),
  ).action(async (raw: CopyOptions, command: Command) => {
    const options = withGroupOptions(raw, command);
    checkTargetUrl(options.to);
    const dbOverride = program.opts<{ db?: string }>().db;
    const progress = copyProgressLine(options.json ? undefined : runtime.stderr);
    let copy: DatabaseCopy;
    try {
      copy = await copyDatabase({
        from: resolveDatabasePath({ dbOverride }),
        fromTyped: dbOverride !== undefined,
        to: options.to,
        replace: options.force === true,
        onProgress: (p) => progress.update(p),
      });
    } catch (error) {
      if (error instanceof TargetNotEmptyError) throw new TunesError('usage', `${error.message}: --force replaces what it holds`);
      throw error;
    } finally {
      progress.clear();
    }
    if (copy.server_key_file && !options.json) {
      note(runtime, `app keys were copied sealed: every server on the target needs a copy of ${copy.server_key_file} (TUNES_SERVER_KEY_FILE)`);
    }
    emit(runtime, options, copy, renderCopy);
  });
}

/** A URL typed after --to: readable, and without a password (argv is visible to every user of the machine). */
function checkTargetUrl(to: string): void {
  if (!isDatabaseUrl(to)) return;
  let url: URL;
  try {
    url = new URL(to);
  } catch {
    throw new TunesError('usage', 'the --to URL is not a valid postgres:// URL: write postgres://user@host:port/database');
  }
  if (url.password || [...url.searchParams.keys()].some((k) => /pass/i.test(k))) {
    throw new TunesError('usage', 'a database password does not belong on the command line (other users can read it there): set PGPASSWORD or put it in ~/.pgpass');
  }
}

function renderCopy(copy: DatabaseCopy): string {
  const width = Math.max(...copy.tables.map((t) => t.table.length), 'total'.length);
  const digits = String(copy.total_rows).length;
  const lines = copy.tables.map((t) => `  ${t.table.padEnd(width)}  ${String(t.rows).padStart(digits)}`);
  return [
    `copied ${terminalSafe(copy.from)} to ${terminalSafe(copy.to)}`,
    ...lines,
    `  ${'total'.padEnd(width)}  ${String(copy.total_rows).padStart(digits)} rows, counts checked on the target`,
  ].join('\n');
}
