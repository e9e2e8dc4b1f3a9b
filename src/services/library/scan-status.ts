import type { Kysely } from 'kysely';
import { readScanStatus, recordScanEnd, recordScanProgress, recordScanStart } from '../../db/repositories/scan-status.js';
import type { Database } from '../../db/schema.js';
import type { ScanStatus } from '../../domain/library.js';
import type { Clock } from '../clock.js';

/** How often a running scan says it is alive, and how long without that before it counts as dead. */
export const HEARTBEAT_MS = 5_000;
export const DEAD_AFTER_MS = 30_000;

export interface ScanStatusRecorder {
  /** Files read so far (written at most once per heartbeat). */
  progress(done: number): void;
  end(failure: string | null): Promise<void>;
}

/**
 * Writes a scan's status to the database while it runs, so every server (and `tunes library`) sharing
 * it reports the same scan. A failed status write never fails the scan.
 */
export async function startScanStatus(db: Kysely<Database>, clock: Clock): Promise<ScanStatusRecorder> {
  const now = () => clock.now().toISOString();
  await recordScanStart(db, now());
  let done = 0;
  let writtenAt = Date.now();
  let writing: Promise<void> = Promise.resolve();
  const write = () => {
    writtenAt = Date.now();
    writing = writing.then(() => recordScanProgress(db, done, now())).catch(() => undefined);
  };
  const heartbeat = setInterval(write, HEARTBEAT_MS);
  heartbeat.unref();
  return {
    progress(count) {
      done = count;
      if (Date.now() - writtenAt >= 1000) write();
    },
    async end(failure) {
      clearInterval(heartbeat);
      await writing;
      await recordScanProgress(db, done, now()).catch(() => undefined);
      await recordScanEnd(db, now(), failure).catch(() => undefined);
    },
  };
}

export async function currentScanStatus(db: Kysely<Database>, clock: Clock): Promise<ScanStatus> {
  const row = await readScanStatus(db);
  if (!row) return { scanning: false, done: 0, started_at: null, finished_at: null, failure: null };
  const alive = clock.now().getTime() - Date.parse(row.heartbeat_at) < DEAD_AFTER_MS;
  const scanning = row.finished_at === null && alive;
  const failure = row.failure ?? (row.finished_at === null && !alive ? 'the scan stopped without finishing (its process ended)' : null);
  return { scanning, done: row.done, started_at: row.started_at, finished_at: row.finished_at, failure };
}
