import { statfsSync } from 'node:fs';
/**
 * The faults of storage that are the machine's state, not a bug: another writer holds the lock, the
 * disk is full, the database or its folder is read-only. Edges tell people (exit 6, HTTP 503)
 * instead of reporting an internal error. Recognised by the codes better-sqlite3 and Node put on
 * errors, also when another error carries one as its `cause`.
 */
export type StorageFault = 'busy' | 'full' | 'read_only';

const FAULT_FOR_CODE: ReadonlyArray<readonly [RegExp, StorageFault]> = [
  [/^SQLITE_(BUSY|LOCKED)(_|$)/, 'busy'],
  [/^(SQLITE_FULL|ENOSPC|EDQUOT)$/, 'full'],
  [/^(SQLITE_READONLY(_.*)?|EROFS)$/, 'read_only'],
];

export function storageFaultOf(error: unknown): StorageFault | undefined {
  for (let current = error, depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      const found = FAULT_FOR_CODE.find(([pattern]) => pattern.test(code));
      if (found) return found[1];
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Whether the file system holding `folder` has no space left. SQLite meets a full disk as
 * SQLITE_FULL, or as an I/O error when it cannot even make its -shm file; this tells them apart.
 */
export function diskIsFull(folder: string): boolean {
  try {
    return statfsSync(folder).bavail === 0;
  } catch {
    return false;
  }
}
