import { statSync, type Stats } from 'node:fs';
import { dirname, sep } from 'node:path';
import type { StoredFile } from '../../db/repositories/song-writes.js';
import type { UnavailableFolder } from '../../domain/library.js';
import type { RootWalk } from './walker.js';

/**
 * Folders whose songs a scan must not mark missing, because what the walk saw there is not the music
 * but its absence: an unmounted disk or a NAS that is down.
 * - a library folder that is gone, unreadable or not a folder;
 * - a library folder that is empty (no audio at all) while songs were stored under it;
 * - a folder whose songs were on a disk the walk met nowhere, when that folder is now on another disk:
 *   an empty (or since written-into) mount point, inside a library folder or being one.
 * `unseen`: the songs (not missing) the scan did not find. `renumbered`: devices of songs that were
 * found, under another device number (a disk mounted again gets a new one): such a disk is there.
 */
export function untrustedFolders(
  walks: readonly RootWalk[],
  unseen: readonly StoredFile[],
  renumbered: ReadonlySet<number>,
): UnavailableFolder[] {
  const folders: UnavailableFolder[] = [];
  for (const walk of walks) {
    if (walk.state === 'unreadable') folders.push({ path: walk.path, reason: rootProblem(walk.reason), kept: 0 });
    else if (walk.state === 'walked' && walk.files === 0 && unseen.some((row) => underAny(row.path, [walk]))) {
      folders.push({ path: walk.path, reason: 'is empty', kept: 0 });
    }
  }

  const devicesSeen = new Set(walks.flatMap((walk) => [...walk.devices]));
  const existing = new Map<string, Stats | undefined>();
  const unmounted = new Set<string>();
  for (const row of unseen) {
    if (row.dev === null || devicesSeen.has(row.dev) || renumbered.has(row.dev) || underAny(row.path, folders)) continue;
    const folder = deepestExistingFolder(row.path, existing);
    if (!folder || folder.info.dev === row.dev) continue;
    // Only where that folder is on its parent's disk: a mount point with nothing mounted on it. (A disk
    // mounted over files saved there meanwhile hides them: those are gone from the library.)
    const parent = existingFolder(dirname(folder.path), existing);
    if (parent && parent.dev === folder.info.dev) unmounted.add(folder.path);
  }
  for (const path of [...unmounted].sort()) {
    if (underAny(path + sep, folders)) continue;
    folders.push({ path, reason: 'is not the disk its songs were on', kept: 0 });
  }
  return folders;
}

/** Whether `path` is inside one of `folders`. */
export function underAny(path: string, folders: ReadonlyArray<{ path: string }>): boolean {
  return folders.some((f) => path.startsWith(f.path.endsWith(sep) ? f.path : f.path + sep));
}

function rootProblem(reason: string | undefined): string {
  if (reason === 'no such file or folder') return 'is missing';
  if (reason === 'not a folder') return 'is not a folder';
  return `cannot be read (${reason ?? 'unknown error'})`;
}

function deepestExistingFolder(path: string, cache: Map<string, Stats | undefined>): { path: string; info: Stats } | undefined {
  for (let folder = dirname(path); ; folder = dirname(folder)) {
    const info = existingFolder(folder, cache);
    if (info) return { path: folder, info };
    if (dirname(folder) === folder) return undefined;
  }
}

function existingFolder(path: string, cache: Map<string, Stats | undefined>): Stats | undefined {
  if (!cache.has(path)) {
    let info: Stats | undefined;
    try {
      info = statSync(path, { throwIfNoEntry: false });
    } catch {
      info = undefined;
    }
    cache.set(path, info?.isDirectory() ? info : undefined);
  }
  return cache.get(path);
}
