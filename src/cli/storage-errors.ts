import { dirname } from 'node:path';
import { TunesError } from '../errors.js';
import { diskIsFull } from '../storage-fault.js';

/**
 * Faults of the machine's state, not bugs, as the CLI tells them: one line naming the file and
 * what to do (exit 6), instead of "internal error" and a stack trace. They reach the edge as the
 * errors better-sqlite3 and Node throw (SQLITE_FULL, ENOSPC, ...), possibly as another error's cause.
 */
export function storageError(error: unknown, databasePath: string): TunesError | undefined {
  const found = codeOf(error);
  if (!found) return undefined;
  const { code, cause } = found;
  const detail = cause instanceof Error ? cause.message : String(cause);
  const db = databasePath;
  if (code === 'SQLITE_NOTADB') return new TunesError('io', `${db} is not a tunes database`, 'check the path; a tunes database is the tunes.db file tunes made');
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new TunesError('io', `database ${db} is damaged (${detail})`, 'restore it from a backup, or move it away to start a new library');
  }
  // SQLite meets a full disk as SQLITE_FULL, or as an I/O error when it cannot even make its -shm file.
  if (code === 'SQLITE_FULL' || (code.startsWith('SQLITE_IOERR') && diskIsFull(dirname(db)))) return new TunesError('io', `the disk holding ${db} is full`, 'free some space and try again; the change was not made');
  if (code.startsWith('SQLITE_READONLY')) {
    return new TunesError('io', `the database ${db} cannot be written (${detail})`, 'check that the file and its folder are writable and not on a read-only disk');
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') {
    return new TunesError('io', `cannot use the database ${db}: ${detail}`, 'check that the file and its folder exist and can be read and written');
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new TunesError('io', `the database ${db} is busy: another tunes process kept it locked too long`, 'try again');
  const where = typeof (cause as { path?: unknown }).path === 'string' ? ` (${(cause as { path: string }).path})` : '';
  if (code === 'ENOSPC' || code === 'EDQUOT') return new TunesError('io', `no space left on the device${where}`, 'free some space and try again');
  if (code === 'EROFS') return new TunesError('io', `the file system is read-only${where}`);
  if (code === 'EACCES' || code === 'EPERM') return new TunesError('io', `permission denied${where}`);
  return undefined;
}

function codeOf(error: unknown): { code: string; cause: unknown } | undefined {
  for (let current = error, depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^(SQLITE_|E[A-Z]+$)/.test(code)) return { code, cause: current };
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
