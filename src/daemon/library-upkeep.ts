import type { ScanSummary } from '../domain/library.js';
import { TunesError } from '../errors.js';
import type { LibraryWatch, LibraryWatchEvent } from '../services/library/library-service.js';
import type { PlayerLibrary } from '../services/library/player-library.js';

/** `update`: a scan started or ended (MPD's idle "update"); `database`: it changed the library. */
export type UpkeepEvent = { kind: 'update' } | { kind: 'database' };

/**
 * The library kept up to date from inside the background player: the folders watched (unless the
 * `watch` setting is off) and scans on request (an MPD client's `update`). Scans are numbered as
 * MPD numbers its update jobs.
 */
export interface LibraryUpkeep {
  /** Checks every library folder now; the number of the job that will do it. */
  update(): Promise<number>;
  /** The job under way, if a scan runs. */
  readonly updating: number | undefined;
  subscribe(listener: (event: UpkeepEvent) => void): () => void;
}

export interface RunningUpkeep extends LibraryUpkeep {
  /** Starts the watch (when wanted and allowed: a failure is logged and the player plays on). */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function libraryUpkeep(library: PlayerLibrary | undefined, { watch: wanted, log }: { watch: boolean; log(message: string): void }): RunningUpkeep {
  const listeners = new Set<(event: UpkeepEvent) => void>();
  const emit = (event: UpkeepEvent) => listeners.forEach((listener) => listener(event));
  let jobs = 0;
  let updating: number | undefined;
  /** A job promised to an `update` that the watch's next scan carries out. */
  let promised: number | undefined;
  let watch: LibraryWatch | undefined;
  let starting: Promise<void> | undefined;
  let stopped = false;
  let oneOff: Promise<unknown> = Promise.resolve();

  const began = (job: number) => {
    updating = job;
    emit({ kind: 'update' });
  };
  const ended = (summary: ScanSummary | undefined) => {
    updating = undefined;
    if (summary && changedLibrary(summary)) emit({ kind: 'database' });
    emit({ kind: 'update' });
  };
  const onEvent = (event: LibraryWatchEvent) => {
    switch (event.kind) {
      case 'ready':
        return log(event.watching ? `watch: watching ${event.folders.length} library folder(s) for changes` : 'watch: checking the library folders every few minutes');
      case 'limit':
        return log(
          `watch: warning: the system will not watch more folders (${event.message}); checking everything every ` +
            `${Math.round(event.check_every_ms / 60_000)} minutes instead (raise fs.inotify.max_user_watches to watch them all)`,
        );
      case 'scanning':
        began(promised ?? (jobs += 1));
        promised = undefined;
        return;
      case 'scanned':
        if (changedLibrary(event.summary)) log(`watch: ${event.folders === null ? 'full check' : event.folders.join(', ')}: ${describe(event.summary)}`);
        return ended(event.summary);
      case 'failed':
        log(`watch: a scan failed: ${(event.error as Error)?.message ?? String(event.error)}`);
        if (updating !== undefined) ended(undefined);
        return;
    }
  };

  return {
    get updating() {
      return updating ?? promised;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    async update() {
      if (!library) throw new TunesError('unavailable', 'a remote library is scanned on its server');
      await starting;
      if (watch) {
        promised ??= jobs += 1;
        watch.checkNow();
        return promised;
      }
      // Not watching (`watch off`, or it could not start): one scan now, refused the way `tunes library scan` is.
      await library.checkAllowed();
      const job = (jobs += 1);
      oneOff = oneOff.then(async () => {
        began(job);
        let summary: ScanSummary | undefined;
        try {
          summary = await library.scan();
          if (changedLibrary(summary)) log(`update: ${describe(summary)}`);
        } catch (error) {
          log(`update: the scan failed: ${(error as Error).message}`);
        } finally {
          ended(summary);
        }
      });
      return job;
    },
    start() {
      if (!library || !wanted) return Promise.resolve();
      return (starting ??= library
        .watch({ onEvent })
        .then(async (started) => {
          if (stopped) return started.stop();
          watch = started;
        })
        .catch((error: unknown) => log(`watch: not watching the library: ${(error as Error).message}`)));
    },
    async stop() {
      stopped = true;
      await starting;
      await watch?.stop();
      await oneOff;
    },
  };
}

function changedLibrary(s: ScanSummary): boolean {
  return s.added + s.updated + s.restored + s.moved + s.missing + s.merged > 0;
}

function describe(s: ScanSummary): string {
  const parts = ([['added', s.added], ['updated', s.updated], ['restored', s.restored], ['moved', s.moved], ['missing', s.missing], ['merged', s.merged]] as const)
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${n} ${what}`);
  return parts.join(', ') || 'no changes';
}
