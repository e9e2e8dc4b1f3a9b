import { dirname, sep } from 'node:path';
import { walkAudioFolders } from './walker.js';

/**
 * The folders to rescan for a set of changed paths (folders that changed, or that hold a file that
 * did), each inside the library folder it belongs to: a folder that is gone or holds no audio any more
 * is replaced by the folder above it (up to its library folder), so a deleted album's songs go missing
 * while the scan's unmounted-folder protection still guards the library folders themselves. Folders
 * inside another one of the set are left out; paths outside every library folder are ignored.
 */
export function foldersToRescan(changed: Iterable<string>, libraryRoots: readonly string[]): string[] {
  const folders = new Set<string>();
  for (const path of changed) {
    const root = libraryRoots.filter((r) => path === r || path.startsWith(withSeparator(r))).sort((a, b) => b.length - a.length)[0];
    if (root === undefined) continue;
    let folder = path;
    while (folder !== root && !holdsAudio(folder)) folder = dirname(folder);
    folders.add(folder);
  }
  const sorted = [...folders].sort((a, b) => a.length - b.length);
  return sorted.filter((folder, i) => !sorted.slice(0, i).some((outer) => folder.startsWith(withSeparator(outer))));
}

function holdsAudio(folder: string): boolean {
  const failures: Array<{ path: string; reason: string }> = [];
  for (const files of walkAudioFolders([folder], failures)) if (files.length > 0) return true;
  return false;
}

function withSeparator(path: string): string {
  return path.endsWith(sep) ? path : path + sep;
}
