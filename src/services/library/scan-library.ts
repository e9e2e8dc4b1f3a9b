import { dirname, sep } from 'node:path';
import type { ScannedSong, SongWriter, StoredFile } from '../../db/repositories/song-writes.js';
import type { ScanFailure, ScanSummary } from '../../domain/library.js';
import type { Clock } from '../clock.js';
import { albumFolderOf } from './album-identity.js';
import { FileGroups } from './file-groups.js';
import { changedFolderCovers, groupAlbums, groupBeforeWriting, groupingContext } from './group-albums.js';
import { sidecarKey } from './lyrics-sidecars.js';
import { reconcileScan, type AddedFile } from './reconcile-scan.js';
import { rootOf, scannedSong } from './scanned-song.js';
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
  /** false: no albums, artists or covers (the bench's baseline for what they cost). */
  albums?: boolean | undefined;
}

/**
 * Songs stored by a scanner older than this are read again, even unchanged: 1 is the first to read
 * compilation flags and covers (issue 10), 2 the first to read lyrics (issue 17).
 */
export const SCAN_VERSION = 2;

// A killed scan loses at most one batch; the next scan finds the committed rows unchanged and goes on.
// Each statement flushes the search index's pending terms into a segment of its own: 2,000 rows a
// statement cost a quarter less than 500 (CPU, 20,000 songs), for at most a second of work at risk.
const WRITE_BATCH = 2000;
const WRITE_INTERVAL_MS = 1000;
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
  /** The library folders `roots` are in, when `roots` are folders inside them (a watch's changed folders). */
  libraryRoots: readonly string[] = roots,
): Promise<ScanSummary> {
  const started = Date.now();
  const onProgress = options.onProgress ?? (() => {});
  onProgress({ phase: 'walking', done: 0, total: 0 });
  const stored = new Map<string, StoredFile>();
  for (const row of await writer.storedFiles(scope === 'everything' ? null : roots.map(withSeparator))) stored.set(row.path, row);

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
  const grouping = options.albums !== false;
  const context = grouping ? await groupingContext(writer.albums, clock.now().toISOString()) : undefined;
  /** Album folders whose songs were read, moved or lost: they are grouped again at the end. */
  const touchedFolders = new Set<string>();
  const withPictures = new Set<string>();
  let walking = true;
  let pending: ScannedSong[] = [];
  let lastFlush = Date.now();
  let done = 0;
  // Batches are written one after another while the walk and the tag threads go on; the first failure
  // is the scan's (thrown after the readers stop), and later batches are not written.
  let writes: Promise<void> = Promise.resolve();
  let writeFailure: { error: unknown } | undefined;
  const write = async (songs: ScannedSong[]) => {
    if (writeFailure) return;
    try {
      if (context) {
        await writer.albums.inTransaction(async () => {
          await groupBeforeWriting(songs, context.resolver);
          await writer.upsertBatch(songs, clock.now().toISOString(), SCAN_VERSION);
        });
      } else await writer.upsertBatch(songs, clock.now().toISOString(), SCAN_VERSION);
    } catch (error) {
      writeFailure ??= { error };
    }
  };
  const flush = () => {
    if (pending.length === 0) return;
    const songs = pending;
    writes = writes.then(() => write(songs));
    pending = [];
    lastFlush = Date.now();
  };
  const written = async () => {
    await writes;
    if (writeFailure) throw writeFailure.error;
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
        const song = scannedSong(
          result.tags,
          { path: job.path, size: job.size, mtime_ms: file.mtimeMs, dev: file.dev, ino: file.ino, lyrics_sidecar: sidecarKey(file.lyrics) },
          rootOf(job.path, libraryRoots),
          result.picture,
          result.lyrics,
        );
        pending.push(song);
        if (result.picture) withPictures.add(song.album_folder);
        else if (context && !withPictures.has(song.album_folder)) {
          // While the tag threads are busy: look for the folder's cover image now rather than at the end
          // (only where no embedded picture was found: that one would win).
          context.images.look(song.album_folder);
          context.images.look(dirname(job.path));
        }
        touchedFolders.add(song.album_folder);
      }
      done += results.length;
      if (pending.length >= WRITE_BATCH || Date.now() - lastFlush >= WRITE_INTERVAL_MS) flush();
      if (!walking) onProgress({ phase: 'reading', done, total: jobs.length });
    },
    { workers: options.workers },
  );

  /** The first path met to a file: skip it if unchanged, else read it. */
  const visit = (file: WalkedFile, row: StoredFile | undefined) => {
    const { path } = file;
    summary.files += 1;
    seen.add(path);
    if (row && row.dev !== null && row.dev !== file.dev) renumbered.add(row.dev);
    // A changed, new or removed .lrc beside an unchanged file is read again too.
    const unchanged = row && row.size === file.size && row.mtime_ms === file.mtimeMs && row.lyrics_sidecar === sidecarKey(file.lyrics);
    if (!options.full && row && unchanged && row.scan_version >= SCAN_VERSION) {
      if (row.missing_since === null) summary.unchanged += 1;
      else restoreIds.push(row.id);
      if (row.dev !== file.dev || row.ino !== file.ino) identityUpdates.push({ id: row.id, dev: file.dev, ino: file.ino });
      return;
    }
    const job = { index: jobs.length, path, size: file.size, pictures: grouping, ...(file.lyrics ? { lyricsPath: file.lyrics.path } : {}) };
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
        visit(file, stored.get(file.path));
      }
      if (Date.now() - lastYield >= YIELD_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        lastYield = Date.now();
      }
      if (writeFailure) throw writeFailure.error;
    }
  } catch (error) {
    readers.stop();
    await writes;
    throw error;
  }
  walking = false;
  if (restoreIds.length > 0) await writer.restoreBatch(restoreIds);
  summary.restored += restoreIds.length;
  await writer.setIdentityBatch(identityUpdates);

  onProgress({ phase: 'reading', done, total: jobs.length });
  await readers.finish();
  flush();
  await written();
  summary.failures = [...walkFailures, ...readFailures];

  await reconcileScan({ writer, now: () => clock.now().toISOString(), stored, seen, everything: scope === 'everything', rootWalks, groups, renumbered, addedFiles, summary });
  if (context) {
    // Songs that moved, merged or went: their old album folders are grouped again too.
    for (const row of stored.values()) if (!seen.has(row.path)) touchedFolders.add(albumFolderOf(row.path));
    for (const folder of await changedFolderCovers(writer.albums)) touchedFolders.add(folder);
    await groupAlbums(writer.albums, touchedFolders, clock.now().toISOString(), context);
  }
  const { added, updated, restored, moved, missing, merged } = summary;
  if (added + updated + restored + moved + missing + merged > 0) await writer.refreshSearchTerms();
  summary.failed = summary.failures.length;
  summary.duration_ms = Date.now() - started;
  return summary;
}

function withSeparator(root: string): string {
  return root.endsWith(sep) ? root : root + sep;
}

