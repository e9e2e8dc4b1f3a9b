import { readdirSync, statSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import { isAudioFileName } from './audio-files.js';

export interface WalkedFile {
  path: string;
  size: number;
  mtimeMs: number;
}

export interface WalkFailure {
  path: string;
  reason: string;
}

export interface WalkResult {
  files: WalkedFile[];
  failures: WalkFailure[];
}

/**
 * Finds the audio files under `roots`. Follows symlinks, but visits each real folder once (by device
 * and inode), so a link back up the tree cannot loop. Hidden entries (leading dot) are skipped.
 * Folders or files that cannot be read are reported and the walk goes on.
 * Synchronous on purpose: it runs before any other scan work, and sync readdir/stat on a warm cache
 * is several times faster than the promise versions (no thread-pool round trip per call).
 */
export function walkAudioFiles(roots: readonly string[]): WalkResult {
  const files: WalkedFile[] = [];
  const failures: WalkFailure[] = [];
  const visited = new Set<string>();
  const seenPaths = new Set<string>();

  function visitDir(dir: string): void {
    let info;
    try {
      info = statSync(dir);
    } catch (error) {
      failures.push({ path: dir, reason: describe(error) });
      return;
    }
    const key = `${info.dev}:${info.ino}`;
    if (visited.has(key)) return;
    visited.add(key);

    const subdirs: string[] = [];
    const candidates: string[] = [];
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      failures.push({ path: dir, reason: describe(error) });
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) subdirs.push(path);
      else if (entry.isSymbolicLink()) classifyLink(path, subdirs, candidates);
      else if (entry.isFile() && isAudioFileName(entry.name)) candidates.push(path);
    }

    for (const path of candidates) {
      if (seenPaths.has(path)) continue;
      seenPaths.add(path);
      try {
        const fileInfo = statSync(path);
        files.push({ path, size: fileInfo.size, mtimeMs: Math.trunc(fileInfo.mtimeMs) });
      } catch (error) {
        failures.push({ path, reason: describe(error) });
      }
    }
    for (const subdir of subdirs) visitDir(subdir);
  }

  function classifyLink(path: string, subdirs: string[], candidates: string[]): void {
    try {
      const target = statSync(path);
      if (target.isDirectory()) subdirs.push(path);
      else if (target.isFile() && isAudioFileName(path)) candidates.push(path);
    } catch (error) {
      if (isAudioFileName(path)) failures.push({ path, reason: `broken link: ${describe(error)}` });
    }
  }

  for (const root of roots) visitDir(root);
  return { files, failures };
}

export function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return error instanceof Error ? error.message : String(error);
}
