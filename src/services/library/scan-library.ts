import { statSync } from 'node:fs';
import { sep } from 'node:path';
import type { ScannedSong, SongWriter, StoredFile } from '../../db/repositories/song-writes.js';
import type { ScanFailure, ScanSummary } from '../../domain/library.js';
import type { Clock } from '../clock.js';
import { FileGroups, identityKey } from './file-groups.js';
import { reconcileScan, type AddedFile } from './reconcile-scan.js';
import { startTagReaders, type TagJob, type TagJobResult } from './tag-reader-pool.js';
import { walkAudioFolders, type RootWalk, type WalkedFile } from './walker.js';

export interface ScanProgress {
  /** 'walking': finding files (total not known yet); 'reading': reading tags of new and changed files. */
  phase: 'walking' | 'reading';
  done: number;
  total: number;
}

export interface ScanOptions {
  /** Re-read every file even when its size and mtime are unchanged. */
  full?: boolean | undefined;
  onProgress?: ((progress: ScanProgress) => void) | undefined;
  /** Tag-reading threads; see startTagReaders. */
  workers?: number | undefined;
}

// A killed scan loses at most one batch; the next scan finds the committed rows unchanged and goes on.
const WRITE_BATCH = 500;
const WRITE_INTERVAL_MS = 250;
/** How long the walk runs before letting finished tag batches through. */
const YIELD_MS = 4;

/**
 * Scans `roots` into the catalogue. `scope` is whose songs count as missing when not found: the
 * scanned roots' folders, or every song when all roots are scanned.
 */
export async function scanLibrary(
  writer: SongWriter,
  clock: Clock,
  roots: readonly string[],
  scope: 'roots' | 'everything',
  options: ScanOptions = {},
): Promise<ScanSummary> {
  const started = Date.now();
  const onProgress = options.onProgress ?? (() => {});
  onProgress({ phase: 'walking', done: 0, total: 0 });
  // Every stored song, not only those in scope: a file may be known already under another path.
  const stored = new Map<string, StoredFile>();
  for (const row of writer.storedFiles(null)) stored.set(row.path, row);
  const prefixes = roots.map(withSeparator);
  const inScope = scope === 'everything' ? () => true : (path: string) => prefixes.some((p) => path.startsWith(p));

  const summary: ScanSummary = {
    files: 0, added: 0, updated: 0, unchanged: 0, restored: 0, moved: 0, missing: 0, duplicates: 0, merged: 0,
    unavailable: [], failed: 0, failures: [], warnings: [], duration_ms: 0,
  };
  const walkFailures: ScanFailure[] = [];
  const readFailures: ScanFailure[] = [];
  const rootWalks: RootWalk[] = [];
  const groups = new FileGroups();
  const seen = new Set<string>();
  const jobs: TagJob[] = [];
  const jobFiles: WalkedFile[] = [];
  const restoreIds: number[] = [];
  const identityUpdates: Array<{ id: number; dev: number; ino: number }> = [];
  /** Devices stored songs were on that the walk now sees under another number (a disk mounted again). */
  const renumbered = new Set<number>();
  const addedFiles: AddedFile[] = [];
  const knownElsewhere = storedElsewhere(stored);
  let walking = true;
  let pending: ScannedSong[] = [];
  let lastFlush = Date.now();
  let done = 0;
  const flush = () => {
    if (pending.length === 0) return;
    writer.upsertBatch(pending, clock.now().toISOString());
    pending = [];
    lastFlush = Date.now();
  };
  const readers = startTagReaders(
    (results: TagJobResult[]) => {
      for (const { index, result } of results) {
        const job = jobs[index]!;
        const file = jobFiles[index]!;
        const row = stored.get(job.path);
        if (!result.ok) {
          readFailures.push({ path: job.path, reason: result.reason });
          continue;
        }
        if (result.warning) summary.warnings.push({ path: job.path, reason: result.warning });
        if (!row) {
          summary.added += 1;
          addedFiles.push({ path: job.path, size: job.size, mtime_ms: file.mtimeMs, dev: file.dev, ino: file.ino });
        } else if (row.missing_since !== null) summary.restored += 1;
        else summary.updated += 1;
        pending.push({ ...result.tags, path: job.path, size: job.size, mtime_ms: file.mtimeMs, dev: file.dev, ino: file.ino });
      }
      done += results.length;
      if (pending.length >= WRITE_BATCH || Date.now() - lastFlush >= WRITE_INTERVAL_MS) flush();
      if (!walking) onProgress({ phase: 'reading', done, total: jobs.length });
    },
    { workers: options.workers },
  );

  /** A file first met at `path` (its own, or the stored path of the song it is): skip it if unchanged, else read it. */
  const visit = (file: WalkedFile, path: string, row: StoredFile | undefined) => {
    summary.files += 1;
    seen.add(path);
    if (row && row.dev !== null && row.dev !== file.dev) renumbered.add(row.dev);
    if (!options.full && row && row.size === file.size && row.mtime_ms === file.mtimeMs) {
      if (row.missing_since === null) summary.unchanged += 1;
      else restoreIds.push(row.id);
      if (row.dev !== file.dev || row.ino !== file.ino) identityUpdates.push({ id: row.id, dev: file.dev, ino: file.ino });
      return;
    }
    const job = { index: jobs.length, path, size: file.size };
    jobs.push(job);
    jobFiles.push(file);
    readers.add(job);
  };

  // Tags are read (by worker threads on a big scan) while the walk goes on; the walk gives way to the
  // event loop every few milliseconds so finished batches are written and the threads get more files.
  let lastYield = Date.now();
  try {
    for (const files of walkAudioFolders(roots, walkFailures, rootWalks)) {
      for (const file of files) {
        const meeting = groups.meet(file);
        if (meeting !== 'first') {
          // Another path to a file met already (or the same path twice): one song, read once.
          if (meeting === 'other') summary.duplicates += 1;
          seen.add(file.path);
          continue;
        }
        const row = stored.get(file.path);
        const known = row ? undefined : knownElsewhere(file);
        if (known) {
          // Stored under another path this walk has not reached (a bind mount added as a second root).
          groups.adoptStored(file, known.path);
          summary.duplicates += 1;
          seen.add(file.path);
          visit(file, known.path, known);
        } else visit(file, file.path, row);
      }
      if (Date.now() - lastYield >= YIELD_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        lastYield = Date.now();
      }
    }
  } catch (error) {
    readers.stop();
    throw error;
  }
  walking = false;
  if (restoreIds.length > 0) writer.restoreBatch(restoreIds);
  summary.restored += restoreIds.length;
  writer.setIdentityBatch(identityUpdates);

  onProgress({ phase: 'reading', done, total: jobs.length });
  await readers.finish();
  flush();
  summary.failures = [...walkFailures, ...readFailures];

  reconcileScan({ writer, now: () => clock.now().toISOString(), stored, seen, inScope, rootWalks, groups, renumbered, addedFiles, summary });
  summary.failed = summary.failures.length;
  summary.duration_ms = Date.now() - started;
  return summary;
}

function withSeparator(root: string): string {
  return root.endsWith(sep) ? root : root + sep;
}

/**
 * Finds the stored song a newly met path is another way to: a song (not missing) with the same device
 * and inode whose own path still leads to that file. The index is built on first use.
 */
function storedElsewhere(stored: ReadonlyMap<string, StoredFile>): (file: WalkedFile) => StoredFile | undefined {
  let byIdentity: Map<string, StoredFile> | undefined;
  return (file) => {
    if (!byIdentity) {
      byIdentity = new Map();
      for (const row of stored.values()) {
        if (row.dev !== null && row.ino !== null && row.missing_since === null) byIdentity.set(identityKey({ dev: row.dev, ino: row.ino }), row);
      }
    }
    const row = byIdentity.get(identityKey(file));
    return row && row.path !== file.path && leadsTo(row.path, file) ? row : undefined;
  };
}

export function leadsTo(path: string, file: { dev: number; ino: number }): boolean {
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    return info !== undefined && info.isFile() && info.dev === file.dev && info.ino === file.ino;
  } catch {
    return false; // a folder on the way cannot be read: not a path to this file now
  }
}
