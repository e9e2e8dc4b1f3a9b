import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, dirname, sep } from 'node:path';
import { isAudioFileName } from './audio-files.js';
import { sidecarsOf, type SidecarFile } from './lyrics-sidecars.js';

export interface WalkedFile {
  path: string;
  size: number;
  mtimeMs: number;
  /** The real file this path leads to: several paths (links, bind mounts) may share one. */
  dev: number;
  ino: number;
  /** Reached through a symbolic link (the file itself, or a folder on the way). */
  viaLink: boolean;
  /** Which of the roots given this path is under. */
  root: number;
  /** Its `.lrc` lyrics file, when it has one (not looked for through links). */
  lyrics?: SidecarFile;
}

export interface WalkFailure {
  path: string;
  reason: string;
}

/** What the walk found of one root. */
export interface RootWalk {
  path: string;
  /**
   * 'walked'; 'unreadable' (gone, not a folder, or no permission: see `reason`); 'repeat': the same
   * folder as one walked before in this walk (the same root twice, a bind mount, a root inside another).
   */
  state: 'walked' | 'unreadable' | 'repeat';
  reason?: string;
  /** Paths of audio files found under it. */
  files: number;
  /** The devices those files are on. */
  devices: Set<number>;
}

interface Folder {
  path: string;
  root: number;
  viaLink: boolean;
}

/**
 * Finds the audio files under `roots`, one folder at a time, so the caller can start reading tags while
 * the walk goes on. Each real folder is visited once (by device and inode), so a link back up the tree
 * cannot loop and a folder reached twice is read once. Symbolic links are followed after every real
 * folder of every root has been walked: a file reached both directly and through a link is met first by
 * its direct path. Hidden entries (leading dot) are skipped. Folders or files that cannot be read go to
 * `failures` and the walk goes on; `rootWalks` gets one entry per root.
 * Synchronous readdir/stat on purpose: on a warm cache they are several times faster than the promise
 * versions (no thread-pool round trip per call).
 */
export function* walkAudioFolders(
  roots: readonly string[],
  failures: WalkFailure[],
  rootWalks: RootWalk[] = [],
): Generator<WalkedFile[]> {
  const visited = new Set<string>();
  const links: Folder[] = [];
  const walks = roots.map((path): RootWalk => ({ path, state: 'walked', files: 0, devices: new Set() }));
  rootWalks.push(...walks);

  const walkTree = function* (start: Folder): Generator<WalkedFile[]> {
    const stack = [start];
    for (let folder = stack.pop(); folder !== undefined; folder = stack.pop()) {
      let info: Stats;
      try {
        info = statSync(folder.path);
      } catch (error) {
        failures.push({ path: folder.path, reason: describe(error) });
        continue;
      }
      const key = `${info.dev}:${info.ino}`;
      if (visited.has(key)) continue;
      visited.add(key);

      let entries: Dirent[] = [];
      try {
        entries = readdirSync(folder.path, { withFileTypes: true });
      } catch (error) {
        failures.push({ path: folder.path, reason: describe(error) });
      }
      const subfolders: Folder[] = [];
      const files: WalkedFile[] = [];
      for (const entry of entries) {
        if (entry.name.startsWith('.')) continue;
        // Plain concatenation: a folder path is already normal and a name holds no separator (path.join
        // normalizes every path again, a few percent of a rescan).
        const path = folder.path.endsWith(sep) ? folder.path + entry.name : folder.path + sep + entry.name;
        if (entry.isDirectory()) subfolders.push({ path, root: folder.root, viaLink: folder.viaLink });
        else if (entry.isSymbolicLink()) {
          // Inside a linked folder every path is through a link already: no need to wait.
          if (folder.viaLink) followLink({ path, root: folder.root, viaLink: true }, subfolders, files, failures);
          else links.push({ path, root: folder.root, viaLink: true });
        } else if (entry.isFile() && isAudioFileName(entry.name)) addFile(path, folder, files, failures);
      }
      if (files.length > 0) {
        const sidecarOf = sidecarsOf(folder.path, entries);
        for (const file of files) {
          const lyrics = sidecarOf(file.path.slice(file.path.lastIndexOf(sep) + 1));
          if (lyrics) file.lyrics = lyrics;
        }
      }
      count(files);
      if (files.length > 0) yield files;
      for (let i = subfolders.length - 1; i >= 0; i -= 1) stack.push(subfolders[i]!);
    }
  };

  const count = (files: readonly WalkedFile[]) => {
    for (const file of files) {
      const walk = walks[file.root]!;
      walk.files += 1;
      walk.devices.add(file.dev);
    }
  };

  for (let root = 0; root < roots.length; root += 1) {
    const walk = walks[root]!;
    const problem = unreadableFolder(walk.path, visited);
    if (problem === 'repeat') walk.state = 'repeat';
    else if (problem !== undefined) {
      walk.state = 'unreadable';
      walk.reason = problem;
    } else yield* walkTree({ path: walk.path, root, viaLink: false });
  }
  // Links last, so every file that has a direct path was met by it first.
  for (const link of links) {
    const subfolders: Folder[] = [];
    const files: WalkedFile[] = [];
    followLink(link, subfolders, files, failures);
    count(files);
    if (files.length > 0) yield files;
    for (const folder of subfolders) yield* walkTree(folder);
  }
}

/** Why a root cannot be walked ('repeat': it is a folder already walked), or undefined when it can. */
function unreadableFolder(path: string, visited: ReadonlySet<string>): string | 'repeat' | undefined {
  let info: Stats;
  try {
    info = statSync(path);
  } catch (error) {
    return describe(error);
  }
  if (!info.isDirectory()) return 'not a folder';
  if (visited.has(`${info.dev}:${info.ino}`)) return 'repeat';
  try {
    readdirSync(path);
  } catch (error) {
    return describe(error);
  }
  return undefined;
}

function addFile(path: string, folder: Folder, files: WalkedFile[], failures: WalkFailure[]): void {
  try {
    const info = statSync(path);
    files.push({
      path, size: info.size, mtimeMs: Math.trunc(info.mtimeMs), dev: info.dev, ino: info.ino, viaLink: folder.viaLink, root: folder.root,
    });
  } catch (error) {
    failures.push({ path, reason: describe(error) });
  }
}

function followLink(link: Folder, subfolders: Folder[], files: WalkedFile[], failures: WalkFailure[]): void {
  let target: Stats;
  try {
    target = statSync(link.path);
  } catch (error) {
    if (isAudioFileName(link.path)) failures.push({ path: link.path, reason: `broken link: ${describe(error)}` });
    return;
  }
  if (target.isDirectory()) subfolders.push(link);
  else if (target.isFile() && isAudioFileName(link.path)) {
    const file: WalkedFile = {
      path: link.path, size: target.size, mtimeMs: Math.trunc(target.mtimeMs), dev: target.dev, ino: target.ino, viaLink: true, root: link.root,
    };
    const lyrics = linkedFileSidecar(link.path);
    if (lyrics) file.lyrics = lyrics;
    files.push(file);
  }
}

/**
 * A song that is a link to a file has its .lrc beside the link (named as the link), else beside the
 * file it leads to (named as that file): a folder of links to a collection elsewhere keeps its lyrics.
 */
function linkedFileSidecar(linkPath: string): SidecarFile | undefined {
  let real: string | undefined;
  try {
    real = realpathSync(linkPath);
  } catch {
    // Gone since it was stat'ed: no lyrics to find.
  }
  for (const path of real && real !== linkPath ? [linkPath, real] : [linkPath]) {
    const folder = dirname(path);
    try {
      const found = sidecarsOf(folder, readdirSync(folder, { withFileTypes: true }))(basename(path));
      if (found) return found;
    } catch {
      // An unreadable folder holds no lyrics for the scan.
    }
  }
  return undefined;
}

export function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  if (code === 'ENOTDIR') return 'not a folder';
  if (code === 'EIO') return 'input/output error (a disk or network share that is failing?)';
  return error instanceof Error ? error.message : String(error);
}
