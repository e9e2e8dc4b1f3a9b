import { sep } from 'node:path';
import type { ScannedSong, SongMove, SongWriter, StoredFile } from '../../db/repositories/song-writes.js';
import type { ScanFailure, ScanSummary } from '../../domain/library.js';
import type { Clock } from '../clock.js';
import { startTagReaders, type TagJob, type TagJobResult } from './tag-reader-pool.js';
import { walkAudioFolders } from './walker.js';

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
  const stored = new Map<string, StoredFile>();
  for (const row of writer.storedFiles(scope === 'everything' ? null : roots.map(withSeparator))) stored.set(row.path, row);

  const summary: ScanSummary = {
    files: 0, added: 0, updated: 0, unchanged: 0, restored: 0, moved: 0, missing: 0, failed: 0, failures: [], duration_ms: 0,
  };
  const walkFailures: ScanFailure[] = [];
  const readFailures: ScanFailure[] = [];
  const seen = new Set<string>();
  const jobs: TagJob[] = [];
  const jobMtimes: number[] = [];
  const restoreIds: number[] = [];
  const addedFiles: FileIdentity[] = [];
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
        const row = stored.get(job.path);
        if (!result.ok) {
          readFailures.push({ path: job.path, reason: result.reason });
          continue;
        }
        if (!row) {
          summary.added += 1;
          addedFiles.push({ path: job.path, size: job.size, mtime_ms: jobMtimes[index]! });
        } else if (row.missing_since !== null) summary.restored += 1;
        else summary.updated += 1;
        pending.push({ ...result.tags, path: job.path, size: job.size, mtime_ms: jobMtimes[index]! });
      }
      done += results.length;
      if (pending.length >= WRITE_BATCH || Date.now() - lastFlush >= WRITE_INTERVAL_MS) flush();
      if (!walking) onProgress({ phase: 'reading', done, total: jobs.length });
    },
    { workers: options.workers },
  );

  // Tags are read (by worker threads on a big scan) while the walk goes on; the walk gives way to the
  // event loop every few milliseconds so finished batches are written and the threads get more files.
  let lastYield = Date.now();
  try {
    for (const files of walkAudioFolders(roots, walkFailures)) {
      for (const file of files) {
        summary.files += 1;
        seen.add(file.path);
        const row = stored.get(file.path);
        if (!options.full && row && row.size === file.size && row.mtime_ms === file.mtimeMs) {
          if (row.missing_since === null) summary.unchanged += 1;
          else restoreIds.push(row.id);
          continue;
        }
        const job = { index: jobs.length, path: file.path, size: file.size };
        jobs.push(job);
        jobMtimes.push(file.mtimeMs);
        readers.add(job);
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

  onProgress({ phase: 'reading', done, total: jobs.length });
  await readers.finish();
  flush();
  summary.failures = [...walkFailures, ...readFailures];

  const unseen = [...stored.values()].filter((row) => !seen.has(row.path));
  // Songs already missing from anywhere in the library may turn up here too (moved out, then back in).
  const elsewhere = addedFiles.length > 0 ? writer.missingFiles().filter((row) => !stored.has(row.path)) : [];
  const moves = matchMoves([...unseen, ...elsewhere], addedFiles);
  writer.moveBatch(moves);
  summary.moved = moves.length;
  summary.added -= moves.length;
  const moved = new Set(moves.map((m) => m.id));
  const gone = unseen.filter((row) => row.missing_since === null && !moved.has(row.id)).map((r) => r.id);
  if (gone.length > 0) writer.markMissingBatch(gone, clock.now().toISOString());
  summary.missing = gone.length;
  summary.failed = summary.failures.length;
  summary.duration_ms = Date.now() - started;
  return summary;
}

function withSeparator(root: string): string {
  return root.endsWith(sep) ? root : root + sep;
}

interface FileIdentity {
  path: string;
  size: number;
  mtime_ms: number;
}

/**
 * A renamed or moved file keeps its size and modification time (mv, file managers, taggers that
 * rename). A stored song not found at its path and a file new to the catalogue that share both, and
 * share them with no other candidate, are the same song. Ambiguous pairs stay added and missing.
 */
function matchMoves(unseen: readonly StoredFile[], added: readonly FileIdentity[]): SongMove[] {
  const key = (f: { size: number; mtime_ms: number }) => `${f.size}:${f.mtime_ms}`;
  const group = <T extends { size: number; mtime_ms: number }>(items: readonly T[]) => {
    const byKey = new Map<string, T[]>();
    for (const item of items) {
      const same = byKey.get(key(item));
      if (same) same.push(item);
      else byKey.set(key(item), [item]);
    }
    return byKey;
  };
  const lost = group(unseen);
  const moves: SongMove[] = [];
  for (const [identity, files] of group(added)) {
    const candidates = lost.get(identity);
    if (files.length === 1 && candidates?.length === 1) moves.push({ id: candidates[0]!.id, path: files[0]!.path });
  }
  return moves;
}
