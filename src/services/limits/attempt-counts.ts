/**
 * How attempts of one kind slow down: the first `free` go through at once; after that each one
 * must wait twice as long after the previous as the one before it did (firstDelayMs, 2x, 4x, ...,
 * up to maxDelayMs). A key left alone for forgetAfterMs starts over.
 */
export interface SlowDown {
  free: number;
  firstDelayMs: number;
  maxDelayMs: number;
  forgetAfterMs: number;
}

export interface CountedKey {
  key: string;
  policy: SlowDown;
}

/**
 * Attempt counts behind a small interface, so they can move from this process's memory into the
 * database when several servers share one (every method is async for that reason).
 */
export interface AttemptCounts {
  /**
   * Counts one attempt on every key, unless one of them must still wait: then nothing is counted
   * and the answer is the seconds to wait (else 0). All keys at once, so attempts arriving together
   * cannot all pass the check before any is counted.
   */
  take(keys: readonly CountedKey[], now: number): Promise<number>;
  /**
   * Reads without counting: the seconds any key must still wait (0: none), and which keys have live
   * attempts. For checks cheap enough to run first (an app key's hash), so a success writes nothing.
   */
  peek(keys: readonly CountedKey[], now: number): Promise<{ wait: number; tried: Set<string> }>;
  /** Takes back one attempt of `key` (it was counted up front and turned out not to be a failure). */
  giveBack(key: string): Promise<void>;
  /** Forgets `key` (a success that should end its slow-down). */
  forget(key: string): Promise<void>;
}

interface Entry {
  count: number;
  lastAt: number;
}

/** The wait, in ms, before another attempt on a key that has `count` attempts, the last at `lastAt`. */
export function waitMs(policy: SlowDown, count: number, lastAt: number, now: number): number {
  if (count < policy.free || now - lastAt >= policy.forgetAfterMs) return 0;
  const delay = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** Math.min(40, count - policy.free));
  return Math.max(0, lastAt + delay - now);
}

/**
 * In memory: one server process owns its counts, and a restart forgetting them is acceptable.
 * At most `maxKeys` keys are kept (a spray of made-up usernames cannot grow it without bound);
 * past that the longest-unused key is dropped.
 */
export function createMemoryAttemptCounts({ maxKeys = 100_000 }: { maxKeys?: number } = {}): AttemptCounts {
  const entries = new Map<string, Entry>();

  function current(key: string, policy: SlowDown, now: number): Entry | undefined {
    const entry = entries.get(key);
    if (entry && now - entry.lastAt >= policy.forgetAfterMs) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  }

  function store(key: string, entry: Entry): void {
    // Re-inserting keeps the Map in order of last use, so the first key is the one to drop.
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > maxKeys) entries.delete(entries.keys().next().value!);
  }

  return {
    async take(keys, now) {
      let wait = 0;
      for (const { key, policy } of keys) {
        const entry = current(key, policy, now);
        if (entry) wait = Math.max(wait, waitMs(policy, entry.count, entry.lastAt, now));
      }
      if (wait > 0) return Math.ceil(wait / 1000);
      for (const { key, policy } of keys) {
        const entry = current(key, policy, now);
        store(key, { count: (entry?.count ?? 0) + 1, lastAt: now });
      }
      return 0;
    },
    async peek(keys, now) {
      let wait = 0;
      const tried = new Set<string>();
      for (const { key, policy } of keys) {
        const entry = current(key, policy, now);
        if (!entry) continue;
        tried.add(key);
        wait = Math.max(wait, waitMs(policy, entry.count, entry.lastAt, now));
      }
      return { wait: wait > 0 ? Math.ceil(wait / 1000) : 0, tried };
    },
    async giveBack(key) {
      const entry = entries.get(key);
      if (!entry) return;
      if (entry.count <= 1) entries.delete(key);
      else entry.count -= 1;
    },
    async forget(key) {
      entries.delete(key);
    },
  };
}
