import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
// First, so its clean-up is registered before ours and runs after it: nothing is removed while mounted.
import './temp-dir.js';

const mounted: string[] = [];

function run(args: string[]): void {
  const result = spawnSync(args[0]!, args.slice(1), { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr || result.error?.message}`);
}

/** Whether this process may mount file systems (root, with the capability a container may withhold). */
export const canMount: boolean = (() => {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'tunes-mount-probe-'));
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

export const MOUNT_SKIP_REASON = 'needs root with permission to mount (as CI runs)';

/** A small tmpfs at `dir`: a disk of its own, with its own device number. */
export function mountTmpfs(dir: string): void {
  run(['mount', '-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dir]);
  mounted.push(dir);
}

export function bindMount(source: string, dir: string): void {
  run(['mount', '--bind', source, dir]);
  mounted.push(dir);
}

export function unmount(dir: string): void {
  run(['umount', dir]);
  mounted.splice(mounted.lastIndexOf(dir), 1);
}

afterEach(() => {
  for (const dir of mounted.splice(0).reverse()) spawnSync('umount', ['-l', dir]);
});
