import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { takeInstanceLock } from '../../../src/daemon/instance-lock.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** A pid that no process has now (a process that has ended). */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
}

describe('the player lock', () => {
  it('one holder at a time; the others learn who holds it', async () => {
    const path = join(tempDir(), 'player.lock');
    const first = await takeInstanceLock(path);
    expect('lock' in first).toBe(true);
    expect(await takeInstanceLock(path)).toEqual({ ownerPid: process.pid });
    if ('lock' in first) first.lock.release();
    expect(existsSync(path)).toBe(false);
    const again = await takeInstanceLock(path);
    expect('lock' in again).toBe(true);
  });

  it('a lock left by a killed player is taken over', async () => {
    const path = join(tempDir(), 'player.lock');
    writeFileSync(path, `${deadPid()} 12345\n`);
    const attempt = await takeInstanceLock(path);
    expect('lock' in attempt).toBe(true);
    expect(readFileSync(path, 'utf8').split(' ')[0]).toBe(String(process.pid));
  });

  it('a lock whose pid now belongs to another, newer process (pid reuse) is stale too', async () => {
    const path = join(tempDir(), 'player.lock');
    // Our own pid, but a start time that is not ours: the player that wrote it is gone.
    writeFileSync(path, `${process.pid} 1\n`);
    expect('lock' in (await takeInstanceLock(path))).toBe(true);
  });

  it('many takers racing for a stale lock: exactly one gets it', async () => {
    const path = join(tempDir(), 'player.lock');
    writeFileSync(path, `${deadPid()} 12345\n`);
    const attempts = await Promise.all(Array.from({ length: 8 }, () => takeInstanceLock(path)));
    expect(attempts.filter((a) => 'lock' in a)).toHaveLength(1);
  });
});
