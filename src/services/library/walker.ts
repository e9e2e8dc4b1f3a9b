import { opendir, stat } from 'node:fs/promises';
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
 */
export async function walkAudioFiles(roots: readonly string[]): Promise<WalkResult> {
  const files: WalkedFile[] = [];
  const failures: WalkFailure[] = [];
  const visited = new Set<string>();
  const seenPaths = new Set<string>();

  async function visitDir(dir: string): Promise<void> {
    let info;
    try {
      info = await stat(dir);
    } catch (error) {
      failures.push({ path: dir, reason: describe(error) });
      return;
    }
    const key = `${info.dev}:${info.ino}`;
    if (visited.has(key)) return;
    visited.add(key);

    const subdirs: string[] = [];
    const candidates: string[] = [];
    try {
      for await (const entry of await opendir(dir)) {
        if (entry.name.startsWith('.')) continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) subdirs.push(path);
        else if (entry.isSymbolicLink()) await classifyLink(path, subdirs, candidates);
        else if (entry.isFile() && isAudioFileName(entry.name)) candidates.push(path);
      }
    } catch (error) {
      failures.push({ path: dir, reason: describe(error) });
    }

    await Promise.all(
      candidates.map(async (path) => {
        if (seenPaths.has(path)) return;
        seenPaths.add(path);
        try {
          const fileInfo = await stat(path);
          files.push({ path, size: fileInfo.size, mtimeMs: Math.trunc(fileInfo.mtimeMs) });
        } catch (error) {
          failures.push({ path, reason: describe(error) });
        }
      }),
    );
    for (const subdir of subdirs) await visitDir(subdir);
  }

  async function classifyLink(path: string, subdirs: string[], candidates: string[]): Promise<void> {
    try {
      const target = await stat(path);
      if (target.isDirectory()) subdirs.push(path);
      else if (target.isFile() && isAudioFileName(path)) candidates.push(path);
    } catch (error) {
      if (isAudioFileName(path)) failures.push({ path, reason: `broken link: ${describe(error)}` });
    }
  }

  for (const root of roots) await visitDir(root);
  return { files, failures };
}

export function describe(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return error instanceof Error ? error.message : String(error);
}
