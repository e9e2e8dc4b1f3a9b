import type { ScanSummary } from '../../domain/library.js';
import type { SongWriter } from '../../db/repositories/song-writes.js';
import type { ExclusiveLock } from '../../db/scan-lock.js';
import type { Clock } from '../clock.js';
import { foldersToRescan } from './changed-folders.js';
import { watchFolders, type FolderWatcher } from './folder-watcher.js';
import { scanLibrary, type ScanOptions } from './scan-library.js';
import type { ScanStatusRecorder } from './scan-status.js';

export type LibraryWatchEvent =
  /** A scan starts (the full check, or the folders that changed). */
  | { kind: 'scanning'; folders: string[] | null }
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
  /**
   * Take the scan lock only while a scan runs (the background player's watch), so `tunes library scan`
   * and a watch in `tunes serve` on the same library go on beside it, one scan at a time. Otherwise the
   * watch holds the lock until it stops and scans elsewhere are refused meanwhile.
   */
  shareLock?: boolean | undefined;
}

export interface LibraryWatch {
  /** Checks every folder now (as at start), after a scan under way; an MPD client's `update`. */
  checkNow(): void;
  /** Stops watching, lets a scan under way finish, and gives the scan lock back. */
  stop(): Promise<void>;
}

export const FULL_CHECK_MS = 3 * 60 * 60 * 1000;
export const POLL_MS = 5 * 60 * 1000;
/** While another tunes holds the scan lock, a watch that shares it tries again after this, doubling up to a minute. */
export const LOCK_RETRY_MS = 2000;
const LOCK_RETRY_MAX_MS = 60_000;

interface WatchDeps {
  writer: () => SongWriter;
  clock: Clock;
  roots: () => Promise<string[]>;
  /**
   * The scan lock: held for the whole watch, or (`take`) taken for each scan and given back after it,
   * so scans elsewhere, and another watch on the same library, go on in between (the player's watch).
   */
  lock: ExclusiveLock | { take(): Promise<ExclusiveLock | undefined> };
  /** Writes a scan's status to the database, as any other scan does (getScanStatus on every server). */
  recordStatus(): Promise<ScanStatusRecorder>;
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

  let retry: NodeJS.Timeout | undefined;
  let retryMs = LOCK_RETRY_MS;
  const lock = deps.lock;
  const run = async () => {
    scheduled = false;
    if (stopped || (!fullWanted && changed.size === 0)) return;
    let held: ExclusiveLock | undefined;
    if ('take' in lock) {
      held = await lock.take().catch((error: unknown) => void emit({ kind: 'failed', error }));
      // Another tunes scans: what changed waits for it (its scan may have passed these folders already).
      if (!held) {
        retry ??= setTimeout(() => ((retry = undefined), schedule()), retryMs);
        retryMs = Math.min(retryMs * 2, LOCK_RETRY_MAX_MS);
        return;
      }
      retryMs = LOCK_RETRY_MS;
    }
    let status: ScanStatusRecorder | undefined;
    // The status says "scanning" before the 'scanning' event, as a scan's does before startScan resolves.
    const recorded = async (): Promise<ScanOptions> => {
      // A failed status write never fails the scan (startScanStatus's own rule).
      status = await deps.recordStatus().catch(() => undefined);
      return { onProgress: (progress) => progress.phase === 'reading' && status?.progress(progress.done) };
    };
    try {
      if (fullWanted) {
        fullWanted = false;
        changed = new Set();
        const fresh = await deps.roots();
        const added = fresh.filter((r) => !roots.includes(r));
        roots = fresh;
        if (added.length > 0) watcher?.add(added);
        const scanOptions = await recorded();
        emit({ kind: 'scanning', folders: null });
        const summary = await scanLibrary(deps.writer(), deps.clock, roots, 'everything', scanOptions);
        await status?.end(null);
        status = undefined;
        emit({ kind: 'scanned', folders: null, summary });
        return;
      }
      const folders = foldersToRescan(changed, roots);
      changed = new Set();
      if (folders.length === 0) return;
      const scanOptions = await recorded();
      emit({ kind: 'scanning', folders });
      const summary = await scanLibrary(deps.writer(), deps.clock, folders, 'roots', scanOptions, roots);
      await status?.end(null);
      status = undefined;
      emit({ kind: 'scanned', folders, summary });
    } catch (error) {
      await status?.end(error instanceof Error ? error.message : String(error));
      emit({ kind: 'failed', error });
    } finally {
      await held?.release();
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
    checkNow: checkEverything,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (timer) clearInterval(timer);
      if (retry) clearTimeout(retry);
      await watcher?.close();
      await chain;
      if (!('take' in lock)) await lock.release();
    },
  };
}
