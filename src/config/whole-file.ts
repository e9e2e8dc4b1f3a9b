import { mkdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { TunesError } from '../errors.js';

/**
 * Writes a file whole: to a draft beside it, then renamed over it, so a reader (systemd, a desktop
 * environment) sees the old file or the new one, never half of one. The draft is removed on failure.
 */
export function writeFileWhole(path: string, text: string, mode: number): void {
  const draft = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(draft, text, { mode });
    renameSync(draft, path);
  } catch (error) {
    try {
      unlinkSync(draft);
    } catch {
      // nothing was written
    }
    throw new TunesError('io', `cannot write ${path}: ${(error as Error).message}`);
  }
}
