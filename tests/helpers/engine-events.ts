import { readFileSync, readdirSync } from 'node:fs';
import type { AudioEngine, EngineEvent } from '../../src/player/audio-engine.js';

/** Collects every event an engine emits, and lets a test wait for one that matches. */
export function recordEngine(engine: AudioEngine) {
  const events: EngineEvent[] = [];
  const waiters: Array<{ match: (e: EngineEvent) => boolean; resolve: (e: EngineEvent) => void }> = [];
  engine.subscribe((event) => {
    events.push(event);
    for (const waiter of [...waiters]) {
      if (waiter.match(event)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    }
  });
  return {
    events,
    /** Resolves with the first event from now on that matches (the test timeout catches a hang). */
    next<T extends EngineEvent['type']>(type: T, match: (e: Extract<EngineEvent, { type: T }>) => boolean = () => true) {
      return new Promise<Extract<EngineEvent, { type: T }>>((resolve) => {
        waiters.push({
          match: (e) => e.type === type && match(e as Extract<EngineEvent, { type: T }>),
          resolve: (e) => resolve(e as Extract<EngineEvent, { type: T }>),
        });
      });
    },
    /** Like `next`, but an event that already happened counts too (replies and events can share a read). */
    find<T extends EngineEvent['type']>(type: T, match: (e: Extract<EngineEvent, { type: T }>) => boolean = () => true) {
      const past = events.find((e) => e.type === type && match(e as Extract<EngineEvent, { type: T }>));
      return past ? Promise.resolve(past as Extract<EngineEvent, { type: T }>) : this.next(type, match);
    },
    /** The first event of `type` after `anchor` (a recorded event), whether it already happened or not. */
    findAfter<T extends EngineEvent['type']>(anchor: EngineEvent, type: T) {
      const past = events.slice(events.indexOf(anchor) + 1).find((e) => e.type === type);
      return past ? Promise.resolve(past as Extract<EngineEvent, { type: T }>) : this.next(type);
    },
    types: () => events.map((e) => e.type).filter((t) => t !== 'time-pos'),
  };
}

/** True while a process with this pid exists. */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** mpv processes whose parent is `pid`, read from /proc. */
export function mpvChildren(pid: number): number[] {
  return readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [, name, rest] = /^\d+ \((.*)\) (.*)$/s.exec(stat) ?? [];
      return name === 'mpv' && Number(rest?.split(' ')[1]) === pid ? [Number(entry)] : [];
    } catch {
      return [];
    }
  });
}
