import { sep } from 'node:path';
import type { ScannedSong, SongWriter, StoredFile } from '../../db/repositories/song-writes.js';
import type { Clock } from '../clock.js';
import { readAllTags, type TagJob, type TagJobResult } from './tag-reader-pool.js';
import { walkAudioFiles } from './walker.js';

export interface ScanProgress {
  /** 'walking': finding files (total not known yet); 'reading': reading tags of new and changed files. */
  phase: 'walking' | 'reading';
  done: number;
  total: number;
}

export interface ScanFailure {
  path: string;
  reason: string;
}

export interface ScanSummary {
  /** Audio files found under the scanned roots. */
  files: number;
  added: number;
  updated: number;
  unchanged: number;
  /** Files marked missing earlier that are back (counted here, not in unchanged/updated). */
  restored: number;
  /** Songs newly marked missing by this scan. */
  missing: number;
  failed: number;
  failures: ScanFailure[];
  durationMs: number;
}

export interface ScanOptions {
  /** Re-read every file even when its size and mtime are unchanged. */
  full?: boolean | undefined;
  onProgress?: ((progress: ScanProgress) => void) | undefined;
  /** Tag-reading threads; see readAllTags. */
  workers?: number | undefined;
}

// A killed scan loses at most one batch; the next scan finds the committed rows unchanged and goes on.
const WRITE_BATCH = 500;
const WRITE_INTERVAL_MS = 250;

/**
 * Scans `roots` into the catalogue. `scope` is whose songs count as missing when not found: the
 * scanned roots' folders, or every song (null) when all roots are scanned.
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
  const walk = walkAudioFiles(roots);
  const stored = new Map<string, StoredFile>();
  for (const row of writer.storedFiles(scope === 'everything' ? null : roots.map(withSeparator))) stored.set(row.path, row);

  const summary: ScanSummary = {
    files: walk.files.length, added: 0, updated: 0, unchanged: 0, restored: 0, missing: 0, failed: 0,
    failures: [...walk.failures], durationMs: 0,
  };
  const seen = new Set<string>();
  const jobs: TagJob[] = [];
  const jobMtimes: number[] = [];
  const restoreIds: number[] = [];
  for (const file of walk.files) {
    seen.add(file.path);
    const row = stored.get(file.path);
    if (!options.full && row && row.size === file.size && row.mtime_ms === file.mtimeMs) {
      if (row.missing_since === null) summary.unchanged += 1;
      else restoreIds.push(row.id);
      continue;
    }
    jobs.push({ index: jobs.length, path: file.path, size: file.size });
    jobMtimes.push(file.mtimeMs);
  }
  if (restoreIds.length > 0) writer.restoreBatch(restoreIds);
  summary.restored += restoreIds.length;

  let pending: ScannedSong[] = [];
  let lastFlush = Date.now();
  let done = 0;
  const flush = () => {
    if (pending.length === 0) return;
    writer.upsertBatch(pending, clock.now().toISOString());
    pending = [];
    lastFlush = Date.now();
  };
  onProgress({ phase: 'reading', done: 0, total: jobs.length });
  await readAllTags(
    jobs,
    (results: TagJobResult[]) => {
      for (const { index, result } of results) {
        const job = jobs[index]!;
        const row = stored.get(job.path);
        if (!result.ok) {
          summary.failed += 1;
          summary.failures.push({ path: job.path, reason: result.reason });
          continue;
        }
        if (!row) summary.added += 1;
        else if (row.missing_since !== null) summary.restored += 1;
        else summary.updated += 1;
        pending.push({ ...result.tags, path: job.path, size: job.size, mtime_ms: jobMtimes[index]! });
      }
      done += results.length;
      if (pending.length >= WRITE_BATCH || Date.now() - lastFlush >= WRITE_INTERVAL_MS) flush();
      onProgress({ phase: 'reading', done, total: jobs.length });
    },
    { workers: options.workers },
  );
  flush();

  const gone = [...stored.values()].filter((row) => row.missing_since === null && !seen.has(row.path)).map((r) => r.id);
  if (gone.length > 0) writer.markMissingBatch(gone, clock.now().toISOString());
  summary.missing = gone.length;
  summary.failed = summary.failures.length;
  summary.durationMs = Date.now() - started;
  return summary;
}

function withSeparator(root: string): string {
  return root.endsWith(sep) ? root : root + sep;
}
