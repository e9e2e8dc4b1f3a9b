import type { Clock } from '../services/clock.js';

export interface LoginLimits {
  /** Failed logins allowed per username within the window before further tries get 429. */
  perUsername: number;
  /** Failed logins allowed per client address within the window (higher: households share one). */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perUsername: 5, perAddress: 20, windowMs: 15 * 60 * 1000 };

export interface LoginLimiter {
  /** Seconds until a try is allowed again, or 0 when it is allowed now. */
  retryAfterSeconds(username: string, address: string): number;
  recordFailure(username: string, address: string): void;
  recordSuccess(username: string, address: string): void;
}

interface Window {
  failures: number;
  startedAt: number;
}

/**
 * Counts failed logins in fixed windows, per username and per client address, in memory:
 * one server process owns its counters, and a restart forgetting them is acceptable.
 */
export function createLoginLimiter(clock: Clock, limits: LoginLimits = DEFAULT_LOGIN_LIMITS): LoginLimiter {
  const windows = new Map<string, Window>();

  const keys = (username: string, address: string) =>
    [
      [`user:${username.toLowerCase()}`, limits.perUsername],
      [`addr:${address}`, limits.perAddress],
    ] as const;

  function current(key: string, now: number): Window | undefined {
    const window = windows.get(key);
    if (window && now - window.startedAt >= limits.windowMs) {
      windows.delete(key);
      return undefined;
    }
    return window;
  }

  function sweep(now: number): void {
    // Keeps memory bounded under a spray of made-up usernames.
    if (windows.size < 10_000) return;
    for (const [key, window] of windows) if (now - window.startedAt >= limits.windowMs) windows.delete(key);
  }

  return {
    retryAfterSeconds(username, address) {
      const now = clock.now().getTime();
      let waitMs = 0;
      for (const [key, limit] of keys(username, address)) {
        const window = current(key, now);
        if (window && window.failures >= limit) waitMs = Math.max(waitMs, window.startedAt + limits.windowMs - now);
      }
      return Math.ceil(waitMs / 1000);
    },
    recordFailure(username, address) {
      const now = clock.now().getTime();
      sweep(now);
      for (const [key] of keys(username, address)) {
        const window = current(key, now);
        if (window) window.failures += 1;
        else windows.set(key, { failures: 1, startedAt: now });
      }
    },
    recordSuccess(username, address) {
      for (const [key] of keys(username, address)) windows.delete(key);
    },
  };
}
