import type { ScanSummary } from '../../domain/library.js';
import type { SongWriter } from '../../db/repositories/song-writes.js';
import type { ExclusiveLock } from '../../db/scan-lock.js';
import type { Clock } from '../clock.js';
import { foldersToRescan } from './changed-folders.js';
import { watchFolders, type FolderWatcher } from './folder-watcher.js';
import { scanLibrary } from './scan-library.js';

export type LibraryWatchEvent =
  /** The folders are watched (`watching: false`: the system's watch limit was hit, full checks only). */
  | { kind: 'ready'; folders: string[]; watching: boolean }
  /** A scan ran: every folder (`folders: null`, the full check) or just the ones that changed. */
  | { kind: 'scanned'; folders: string[] | null; summary: ScanSummary }
  | { kind: 'limit'; message: string; check_every_ms: number }
  /** A scan failed (a full disk, say); the watch goes on and tries again with the next change. */
  | { kind: 'failed'; error: unknown };

export interface LibraryWatchOptions {
  onEvent(event: LibraryWatchEvent): void;
  /** How often everything is checked anyway, because watchers miss things (default 3 hours). */
  fullCheckMs?: number | undefined;
  /** How often everything is checked when the folders cannot be watched (default 5 minutes). */
  pollMs?: number | undefined;
}

export interface LibraryWatch {
  /** Stops watching, lets a scan under way finish, and gives the scan lock back. */
  stop(): Promise<void>;
}

export const FULL_CHECK_MS = 3 * 60 * 60 * 1000;
export const POLL_MS = 5 * 60 * 1000;

interface WatchDeps {
  writer: () => SongWriter;
  clock: Clock;
  roots: () => Promise<string[]>;
  lock: ExclusiveLock;
}

/**
 * Keeps the library in step with its folders while it runs: a full check at start and every few hours,
 * and in between a scan of just the folders that changed (the same scan, so tags, covers, lyrics, moves
 * and the unmounted-folder protection all apply). Scans run one at a time under the held scan lock.
 */
export async function startLibraryWatch(deps: WatchDeps, options: LibraryWatchOptions): Promise<LibraryWatch> {
  const emit = options.onEvent;
  let roots = await deps.roots();
  let chain: Promise<void> = Promise.resolve();
  let stopped = false;
  let changed = new Set<string>();
  let fullWanted = false;
  let scheduled = false;

  const run = async () => {
    scheduled = false;
    if (stopped) return;
    try {
      if (fullWanted) {
        fullWanted = false;
        changed = new Set();
        const fresh = await deps.roots();
        const added = fresh.filter((r) => !roots.includes(r));
        roots = fresh;
        if (added.length > 0) watcher?.add(added);
        emit({ kind: 'scanned', folders: null, summary: await scanLibrary(deps.writer(), deps.clock, roots, 'everything') });
        return;
      }
      const folders = foldersToRescan(changed, roots);
      changed = new Set();
      if (folders.length === 0) return;
      emit({ kind: 'scanned', folders, summary: await scanLibrary(deps.writer(), deps.clock, folders, 'roots', {}, roots) });
    } catch (error) {
      emit({ kind: 'failed', error });
    }
  };
  const schedule = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    chain = chain.then(run);
  };
  const checkEverything = () => {
    fullWanted = true;
    schedule();
  };

  let watcher: FolderWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  const every = (ms: number) => {
    if (timer) clearInterval(timer);
    timer = setInterval(checkEverything, ms);
  };
  const pollMs = options.pollMs ?? POLL_MS;
  let limited = false;
  const watching = await watchFolders(roots, {
    onChanges(folders) {
      for (const folder of folders) changed.add(folder);
      schedule();
    },
    onLimit(error) {
      limited = true;
      watcher = undefined;
      emit({ kind: 'limit', message: error.message, check_every_ms: pollMs });
      every(pollMs);
    },
  });
  if (!limited) watcher = watching;
  emit({ kind: 'ready', folders: roots, watching: watcher !== undefined });
  every(watcher ? (options.fullCheckMs ?? FULL_CHECK_MS) : pollMs);
  checkEverything();

  return {
    async stop() {
      if (stopped) return;
      stopped = true;
      if (timer) clearInterval(timer);
      await watcher?.close();
      await chain;
      await deps.lock.release();
    },
  };
}
