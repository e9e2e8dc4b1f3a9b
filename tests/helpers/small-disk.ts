import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
// First, so its clean-up is registered before ours and runs after it: nothing is removed while mounted.
import { tempDir } from './temp-dir.js';

const mounted: string[] = [];

function run(args: string[]): void {
  const result = spawnSync(args[0]!, args.slice(1), { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
}

/** Whether this process may mount a tmpfs (root with the capability; CI runs as root). */
export const canMountDisks: boolean = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'tunes-disk-probe-'));
  try {
    run(['mount', '-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe]);
    run(['umount', probe]);
    return true;
  } catch {
    return false;
  } finally {
    rmdirSync(probe);
  }
})();

/** A fresh folder on a tmpfs of its own, `size` large (e.g. '2m'): a disk that can fill up. */
export function smallDisk(size: string): string {
  const dir = tempDir('tunes-disk-');
  run(['mount', '-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', dir]);
  mounted.push(dir);
  return dir;
}

/** Makes a smallDisk read-only (or writable again). */
export function remount(dir: string, mode: 'ro' | 'rw'): void {
  run(['mount', '-o', `remount,${mode}`, dir]);
}

afterEach(() => {
  for (const dir of mounted.splice(0).reverse()) spawnSync('umount', ['-l', dir]);
});
