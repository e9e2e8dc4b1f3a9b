import { realpath, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Kysely } from 'kysely';
import { TunesError, UnavailableError } from '../../errors.js';
import { tryScanLock, type ExclusiveLock } from '../../db/scan-lock.js';
import type { Database } from '../../db/schema.js';
import type { AddFoldersResult, LibraryFolder, PrunePlan, PruneResult, RemoveFolderResult, ScanStatus, ScanSummary } from '../../domain/library.js';
import type { User } from '../../domain/user.js';
import { deleteLibraryRoot, ensureLibraryRoot, listLibraryRoots } from '../../db/repositories/library-roots.js';
import { deleteMissingSongs, likeLosses, listMissingSongs, othersLosses, playlistLosses } from '../../db/repositories/missing-songs.js';
import type { SongWriter } from '../../db/repositories/song-writes.js';
import { writeTransaction } from '../../db/write-transaction.js';
import type { Clock } from '../clock.js';
import { scanLibrary, type ScanOptions } from './scan-library.js';
import { currentScanStatus, startScanStatus } from './scan-status.js';
import type { LibraryWatch, LibraryWatchOptions } from './watch-library.js';

export type { ScanOptions, ScanProgress } from './scan-library.js';
export type { LibraryWatch, LibraryWatchEvent, LibraryWatchOptions } from './watch-library.js';

/**
 * Library management: the folders tunes scans and the scans themselves. Every method needs an admin
 * (`actor.role === 'admin'`, else TunesError 'forbidden').
 */
export interface LibraryService {
  /** Records folders as roots (already-known ones are fine: `already_in_library` lists them) and scans just them. */
  addRoots(actor: User, paths: readonly string[], options?: ScanOptions): Promise<AddFoldersResult>;
  /** Rescans every root; songs no longer under any root or on disk are marked missing. */
  scan(actor: User, options?: ScanOptions): Promise<ScanSummary>;
  /**
   * The same scan in the background: resolves once it holds the scan lock (refused at once, "a scan
   * is running", while another tunes anywhere on this database scans), with the scan's end to wait for.
   */
  startScan(actor: User, options?: ScanOptions): Promise<{ finished: Promise<ScanSummary> }>;
  /** The last scan (of any server or command on this database): running, files read, when, failure. */
  scanStatus(actor: User): Promise<ScanStatus>;
  listRoots(actor: User): Promise<LibraryFolder[]>;
  /** Forgets a root; its songs are marked missing (kept for playlists) unless another root holds them. */
  removeRoot(actor: User, path: string): Promise<RemoveFolderResult>;
  /** The songs marked missing, and which playlists and likes deleting them would cost. */
  planPrune(actor: User): Promise<PrunePlan>;
  /**
   * Deletes songs marked missing: those of `songIds` still missing (a plan the actor saw), or every one.
   * Their playlist places go (the rest close up) and so do their likes and plays.
   */
  prune(actor: User, songIds?: readonly number[]): Promise<PruneResult>;
  /**
   * Watches the library folders and scans what changes until stopped (see startLibraryWatch). Holds the
   * scan lock meanwhile: scans elsewhere are refused, as this is refused while another scan runs.
   */
  watch(actor: User, options: LibraryWatchOptions): Promise<LibraryWatch>;
}

export function createLibraryService({
  db,
  songWriter,
  clock,
}: {
  db: Kysely<Database>;
  /** The store's scanner writer (`store.songWriter`), whichever database it is. */
  songWriter: () => SongWriter;
  clock: Clock;
}): LibraryService {
  const scanLock = async (): Promise<ExclusiveLock> => {
    const lock = await tryScanLock(db);
    if (!lock) throw new UnavailableError('a scan is running: another tunes is scanning or watching this library', 5, 'try again when it is done');
    return lock;
  };
  /** Runs a scan under the lock, its status in the database for every server to report. */
  const whileScanning = async (options: ScanOptions | undefined, work: (options: ScanOptions) => Promise<ScanSummary>): Promise<ScanSummary> =>
    (await startScanning(options, work)).finished;
  const startScanning = async (options: ScanOptions | undefined, work: (options: ScanOptions) => Promise<ScanSummary>) => {
    const lock = await scanLock();
    // The status says "scanning" before this resolves, so whoever asks next (any server) sees it.
    const status = await startScanStatus(db, clock).catch(async (error: unknown) => {
      await lock.release();
      throw error;
    });
    const finished = (async () => {
      try {
        const summary = await work({
          ...options,
          onProgress: (progress) => {
            options?.onProgress?.(progress);
            if (progress.phase === 'reading') status.progress(progress.done);
          },
        });
        await status.end(null);
        return summary;
      } catch (error) {
        await status.end(error instanceof Error ? error.message : String(error));
        throw error;
      }
    })().finally(() => lock.release());
    return { finished };
  };
  const libraryFolders = async (): Promise<string[]> => {
    const roots = await listLibraryRoots(db);
    if (roots.length === 0) {
      throw new TunesError('invalid_input', 'the library has no folders yet', 'add one with: tunes library add <folder>');
    }
    return roots.map((r) => r.path);
  };

  return {
    async addRoots(actor, paths, options) {
      requireAdmin(actor);
      if (paths.length === 0) throw new TunesError('usage', 'name at least one folder to add');
      const known = await listLibraryRoots(db);
      const folders: string[] = [];
      // The same folder under another path (a bind mount of a library folder) is that library folder.
      for (const path of paths) folders.push(await sameAsKnown(await existingFolder(path), known.map((r) => r.path)));
      const now = clock.now().toISOString();
      const ensured = await db.transaction().execute(async (trx) => {
        const added: Array<Awaited<ReturnType<typeof ensureLibraryRoot>>> = [];
        for (const folder of new Set(folders)) added.push(await ensureLibraryRoot(trx, folder, now));
        return added;
      });
      const roots = ensured.map((e) => e.root);
      const scan = await whileScanning(options, (o) => scanLibrary(songWriter(), clock, roots.map((r) => r.path), 'roots', o));
      return { roots, already_in_library: ensured.filter((e) => !e.inserted).map((e) => e.root.path), scan };
    },

    async scan(actor, options) {
      requireAdmin(actor);
      const roots = await libraryFolders();
      return whileScanning(options, (o) => scanLibrary(songWriter(), clock, roots, 'everything', o));
    },

    async startScan(actor, options) {
      requireAdmin(actor);
      const roots = await libraryFolders();
      return startScanning(options, (o) => scanLibrary(songWriter(), clock, roots, 'everything', o));
    },

    async scanStatus(actor) {
      requireAdmin(actor);
      return currentScanStatus(db, clock);
    },

    async watch(actor, options) {
      requireAdmin(actor);
      const roots = async () => (await listLibraryRoots(db)).map((r) => r.path);
      if ((await roots()).length === 0) {
        throw new TunesError('invalid_input', 'the library has no folders yet', 'add one with: tunes library add <folder>');
      }
      // Lazy: only a watch loads chokidar.
      const { startLibraryWatch } = await import('./watch-library.js');
      const recordStatus = () => startScanStatus(db, clock);
      if (options.shareLock) return startLibraryWatch({ writer: songWriter, clock, roots, lock: { take: () => tryScanLock(db) }, recordStatus }, options);
      const lock = await scanLock();
      try {
        return await startLibraryWatch({ writer: songWriter, clock, roots, lock, recordStatus }, options);
      } catch (error) {
        await lock.release();
        throw error;
      }
    },

    async listRoots(actor) {
      requireAdmin(actor);
      const roots = await listLibraryRoots(db);
      return Promise.all(roots.map(async (root) => ({ ...root, song_count: await songWriter().countVisibleUnder(withSeparator(root.path)) })));
    },

    async removeRoot(actor, path) {
      requireAdmin(actor);
      const roots = await listLibraryRoots(db);
      const wanted = new Set([resolve(path), await realpath(path).catch(() => resolve(path))]);
      const root = roots.find((r) => wanted.has(r.path));
      if (!root) throw new TunesError('not_found', `${path} is not a library folder`, 'see them with: tunes library list');
      await deleteLibraryRoot(db, root.path);
      const others = roots.filter((r) => r !== root).map((r) => withSeparator(r.path));
      const orphans = (await songWriter().storedFiles([withSeparator(root.path)]))
        .filter((s) => s.missing_since === null && !others.some((o) => s.path.startsWith(o)))
        .map((s) => s.id);
      await songWriter().markMissingBatch(orphans, clock.now().toISOString());
      await songWriter().albums.inTransaction(() => songWriter().albums.refreshChanged());
      return { root: root.path, marked_missing: orphans.length };
    },

    async planPrune(actor) {
      requireAdmin(actor);
      const songs = await listMissingSongs(db);
      const ids = songs.map((s) => s.id);
      if (ids.length === 0) return { songs, your_playlists: [], your_likes_lost: 0, others: { users: 0, playlists: 0, entries_lost: 0, likes_lost: 0 } };
      const others = await othersLosses(db, actor.id, ids);
      return {
        songs,
        your_playlists: (await playlistLosses(db, actor.id, ids)).map((p) => ({ id: p.id, name: p.name, entries_lost: p.entries })),
        your_likes_lost: await likeLosses(db, actor.id, ids),
        others: { users: others.users, playlists: others.playlists, entries_lost: others.entries, likes_lost: others.likes },
      };
    },

    async prune(actor, songIds) {
      requireAdmin(actor);
      const deleted = songIds === undefined
        ? await songWriter().deleteMissing(null)
        : await writeTransaction(db, (trx) => deleteMissingSongs(trx, songIds));
      // Albums that lost their last songs leave the lists (their rows and ids stay).
      await songWriter().albums.inTransaction(() => songWriter().albums.refreshChanged());
      return { deleted };
    },
  };
}

function requireAdmin(actor: User): void {
  if (actor.role !== 'admin') {
    throw new TunesError('forbidden', `only an admin can manage the library (${actor.username} is a ${actor.role})`);
  }
}

async function existingFolder(path: string): Promise<string> {
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    throw new TunesError('io', `no such folder: ${path}`);
  }
  const info = await stat(real);
  if (!info.isDirectory()) throw new TunesError('invalid_input', `not a folder: ${path}`);
  return real;
}

/** `folder`, or the library folder that is the very same folder (device and inode) under another path. */
async function sameAsKnown(folder: string, roots: readonly string[]): Promise<string> {
  const info = await stat(folder);
  for (const root of roots) {
    const other = await stat(root).catch(() => undefined);
    if (other && other.dev === info.dev && other.ino === info.ino) return root;
  }
  return folder;
}

function withSeparator(root: string): string {
  return root.endsWith(sep) ? root : root + sep;
}
