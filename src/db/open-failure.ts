import { dirname } from 'node:path';
import { TunesError } from '../errors.js';
import { diskIsFull } from '../storage-fault.js';

/**
 * Why a database file could not be opened, as one line naming the file and what to do, for the
 * faults that are the file's state rather than a bug: not a database at all (`--db /etc/passwd`),
 * damaged, read-only, on a full disk. Anything else is passed through unchanged.
 */
export function openFailure(error: unknown, path: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  const detail = (error as Error).message;
  if (code === 'SQLITE_NOTADB') {
    return withCause(new TunesError('io', `${path} is not a tunes database`, 'check the path; a tunes database is the tunes.db file it made'), error);
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return withCause(
      new TunesError('io', `database ${path} is damaged (${detail})`, 'restore it from a backup, or move it away to start a new library'),
      error,
    );
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || (code.startsWith('SQLITE_IOERR') && diskIsFull(dirname(path)))) {
    return withCause(new TunesError('io', `the disk holding ${path} is full`, 'free some space and try again; the change was not made'), error);
  }
  if (/^SQLITE_(READONLY|CANTOPEN|FULL|IOERR|PERM|AUTH)/.test(code) || /^(EACCES|EPERM|EROFS|ENOSPC|EISDIR)$/.test(code)) {
    return withCause(new TunesError('io', `cannot open database ${path}: ${detail}`, 'check that the file and its folder can be written'), error);
  }
  return error;
}

function withCause<T extends Error>(wrapped: T, cause: unknown): T {
  Object.defineProperty(wrapped, 'cause', { value: cause, enumerable: false });
  return wrapped;
}
