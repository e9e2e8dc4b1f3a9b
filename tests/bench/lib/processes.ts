import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of a process, in clock ticks (/proc/<pid>/stat). */
export function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Percent of one core each process used over `seconds` (all measured over the same window). */
export async function cpuOver(pids: number[], seconds: number): Promise<number[]> {
  const before = pids.map(cpuTicks);
  const t0 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const wall = (performance.now() - t0) / 1000;
  return pids.map((pid, i) => ((cpuTicks(pid) - before[i]!) / TICKS_PER_SECOND / wall) * 100);
}

/** Resident memory of a process in MiB (VmRSS). */
export function rssMiB(pid: number): number {
  const kib = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kib) / 1024;
}

export function processTable(): Array<{ pid: number; name: string; parent: number }> {
  return readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const match = /^\d+ \((.*)\) \S+ (\d+)/s.exec(readFileSync(`/proc/${entry}/stat`, 'utf8'));
      return match ? [{ pid: Number(entry), name: match[1]!, parent: Number(match[2]) }] : [];
    } catch {
      return [];
    }
  });
}

export function childrenOf(parent: number, name: string): number[] {
  return processTable().flatMap((p) => (p.parent === parent && p.name === name ? [p.pid] : []));
}

/** Processes called `name` anywhere below `root` (script -> shell -> node). */
export function descendantsOf(root: number, name: string): number[] {
  const table = processTable();
  const found: number[] = [];
  const walk = (pid: number) => {
    for (const p of table) {
      if (p.parent !== pid) continue;
      if (p.name === name) found.push(p.pid);
      walk(p.pid);
    }
  };
  walk(root);
  return found;
}

export const pct = (value: number) => `${value.toFixed(2)} %`;
