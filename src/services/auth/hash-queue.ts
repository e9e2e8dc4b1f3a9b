import { availableParallelism } from 'node:os';
import { UnavailableError } from '../../errors.js';

/**
 * Who is waiting for a password hash. Logins go first: a flood of sign-ups must not keep people
 * who already have an account from logging in.
 */
export type HashLane = 'login' | 'register';
const LANES_BY_PRIORITY: readonly HashLane[] = ['login', 'register'];

export interface HashQueueLimits {
  /** Hashes computed at the same time (each takes one thread of libuv's pool of 4, and 128 MiB). */
  concurrency: number;
  /** Requests allowed to wait per lane; beyond that they are refused with a Retry-After. */
  waiting: Record<HashLane, number>;
}

/**
 * On 2 cores one hash at a time (the other core serves requests); never more than 2, which leaves
 * libuv's other threads to file reads (streams) and DNS.
 */
export const DEFAULT_HASH_QUEUE_LIMITS: HashQueueLimits = {
  concurrency: Math.min(2, Math.max(1, availableParallelism() - 1)),
  waiting: { login: 16, register: 4 },
};

export interface HashQueue {
  /** Runs `work` when a slot is free; throws UnavailableError at once when the lane is full. */
  run<T>(lane: HashLane, work: () => Promise<T>): Promise<T>;
}

interface Waiter {
  start(): void;
}

/**
 * Bounds the memory and CPU that password hashing can take: at most `concurrency` hashes at once,
 * a short line behind them, and a clear "busy, try again in N s" for anyone past it.
 */
export function createHashQueue(limits: HashQueueLimits = DEFAULT_HASH_QUEUE_LIMITS): HashQueue {
  const waiting: Record<HashLane, Waiter[]> = { login: [], register: [] };
  let running = 0;
  // A running average of how long one hash takes, for the Retry-After estimate.
  let averageMs = 500;

  function next(): void {
    while (running < limits.concurrency) {
      const lane = LANES_BY_PRIORITY.find((name) => waiting[name].length > 0);
      if (lane === undefined) return;
      waiting[lane].shift()!.start();
    }
  }

  function retryAfterSeconds(): number {
    const queued = waiting.login.length + waiting.register.length + running;
    return Math.max(1, Math.ceil((queued * averageMs) / limits.concurrency / 1000));
  }

  return {
    run(lane, work) {
      if (running >= limits.concurrency && waiting[lane].length >= limits.waiting[lane]) {
        return Promise.reject(new UnavailableError('the server is busy checking passwords; try again shortly', retryAfterSeconds()));
      }
      return new Promise((resolve, reject) => {
        const start = () => {
          running += 1;
          const startedAt = performance.now();
          Promise.resolve()
            .then(work)
            .then(resolve, reject)
            .finally(() => {
              averageMs = 0.8 * averageMs + 0.2 * (performance.now() - startedAt);
              running -= 1;
              next();
            });
        };
        waiting[lane].push({ start });
        next();
      });
    },
  };
}
