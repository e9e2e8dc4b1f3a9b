import { linkSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { TunesError } from '../errors.js';

/**
 * One player per user and database: whoever holds this lock file is the player. The file is made
 * complete (pid and process start time) under a private name, then linked into place: link() is
 * atomic and fails when the lock exists, so nobody ever reads a half-written lock. A lock whose
 * process is gone (kill -9, a crash) is stale; it is moved aside and removed only when it is still
 * the very file (same inode) that was judged stale, so two starters breaking it at once cannot
 * remove a lock the other has just taken. Only the holder touches the socket, so the socket's
 * unlink-and-bind cannot race either.
 */
export interface InstanceLock {
  /** Whether the lock file is still ours (nobody broke it). */
  stillOurs(): boolean;
  release(): void;
}

export type LockAttempt = { lock: InstanceLock } | { ownerPid: number };

export async function takeInstanceLock(path: string): Promise<LockAttempt> {
  const mine = `${process.pid} ${processStart(process.pid) ?? '-'}\n`;
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const draft = `${path}.${process.pid}.${attempt}.new`;
    writeFileSync(draft, mine, { mode: 0o600 });
    try {
      linkSync(draft, path);
      const inode = statSync(path).ino;
      return { lock: heldLock(path, inode) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      unlinkSync(draft);
    }
    const owner = readOwner(path);
    if (owner === undefined) continue; // removed meanwhile: try again
    if (isAlive(owner.pid, owner.start)) return { ownerPid: owner.pid };
    breakStale(path, owner.inode);
    await sleep(attempt < 10 ? 1 : 20);
  }
  throw new TunesError('io', `could not take the player's lock ${path}`);
}

function heldLock(path: string, inode: number): InstanceLock {
  const stillOurs = () => {
    try {
      return statSync(path).ino === inode;
    } catch {
      return false;
    }
  };
  return {
    stillOurs,
    release: () => {
      if (stillOurs()) unlinkSync(path);
    },
  };
}

function readOwner(path: string): { pid: number; start: string | undefined; inode: number } | undefined {
  try {
    const inode = statSync(path).ino;
    const [pid, start] = readFileSync(path, 'utf8').trim().split(' ');
    return { pid: Number(pid), start: start === '-' ? undefined : start, inode };
  } catch {
    return undefined;
  }
}

function breakStale(path: string, inode: number): void {
  const grave = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, grave);
  } catch {
    return; // someone else moved it first
  }
  if (statSync(grave).ino !== inode) {
    // Not the stale file any more: a new player took the lock in between. Put it back.
    try {
      linkSync(grave, path);
    } catch {
      // yet another lock is in place; the player that lost its file notices (stillOurs) and ends
    }
  }
  unlinkSync(grave);
}

/**
 * Alive, and (where the OS says when a process started) not a newer process that got the same pid.
 * A zombie (killed, not yet reaped: common in containers without an init) counts as dead.
 */
function isAlive(pid: number, start: string | undefined): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = procStat(pid);
  if (stat === undefined) return true;
  return stat[0] !== 'Z' && stat[0] !== 'X' && (start === undefined || stat[19] === start);
}

/** Linux: /proc/PID/stat's fields after the name (state first; the start time, field 22, at 19). */
function procStat(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  } catch {
    return undefined;
  }
}

function processStart(pid: number): string | undefined {
  return procStat(pid)?.[19];
}
