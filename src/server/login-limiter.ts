import type { Clock } from '../services/clock.js';
import { createMemoryAttemptCounts, type AttemptCounts, type CountedKey, type SlowDown } from '../services/limits/attempt-counts.js';
import { addressKey } from './client-address.js';

const MINUTE = 60 * 1000;

export interface LoginLimits {
  /**
   * Failed logins for one username from one address. Never per username alone: then anyone could
   * lock anyone out by failing on purpose.
   */
  perAccountAndAddress: SlowDown;
  /** Failed logins from one address, whatever the usernames (higher: households share one). */
  perAddress: SlowDown;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perAccountAndAddress: { free: 5, firstDelayMs: 1000, maxDelayMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE },
  perAddress: { free: 20, firstDelayMs: 1000, maxDelayMs: 15 * MINUTE, forgetAfterMs: 60 * MINUTE },
};

export type LoginOutcome = 'succeeded' | 'failed' | 'not_counted';

export interface LoginLimiter {
  /**
   * Before checking a password: 0 when the attempt may go ahead (it is then counted as a failure
   * until `settle` says otherwise), else the seconds to wait.
   */
  begin(username: string, ip: string): Promise<number>;
  /**
   * After the check. A success ends that username's slow-down from that address but only takes
   * back its own attempt from the address count: logging into one's own account must not wipe
   * the failures the same address made against others. `not_counted`: the check never happened
   * (the server was busy), so the attempt is taken back. With `{ begun: false }` (a check made
   * after `peek`, not `begin`): a failure is counted now, answering the seconds to wait from then
   * on, and a success only ends the slow-down (nothing was taken to give back).
   */
  settle(username: string, ip: string, outcome: LoginOutcome, options?: { begun?: boolean }): Promise<number>;
  /**
   * For a check cheap enough to make first (an app key, a token), so a client that authenticates
   * every request writes nothing when it is right: the seconds to wait before checking at all (0: go
   * ahead), and whether the account has failures here to end on a success. Nothing is written.
   */
  peek(username: string, ip: string): Promise<{ wait: number; tried: boolean }>;
}

export function createLoginLimiter(
  clock: Clock,
  limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  counts: AttemptCounts = createMemoryAttemptCounts(),
): LoginLimiter {
  const keysOf = (username: string, ip: string): [CountedKey, CountedKey] => {
    const address = addressKey(ip);
    return [
      // A sent username may hold anything; PostgreSQL's text holds no NUL.
      { key: `login:${username.normalize('NFC').toLowerCase().replaceAll('\0', '\uFFFD')}@${address}`, policy: limits.perAccountAndAddress },
      { key: `login@${address}`, policy: limits.perAddress },
    ];
  };
  return {
    begin: (username, ip) => counts.take(keysOf(username, ip), clock.now().getTime()),
    async peek(username, ip) {
      const keys = keysOf(username, ip);
      const { wait, tried } = await counts.peek(keys, clock.now().getTime());
      return { wait, tried: tried.has(keys[0].key) };
    },
    async settle(username, ip, outcome, { begun = true } = {}) {
      const [account, address] = keysOf(username, ip);
      if (!begun) {
        if (outcome === 'failed') return counts.take([account, address], clock.now().getTime());
        if (outcome === 'succeeded') await counts.forget(account.key);
        return 0;
      }
      if (outcome === 'failed') return 0;
      if (outcome === 'succeeded') await counts.forget(account.key);
      else await counts.giveBack(account.key);
      await counts.giveBack(address.key);
      return 0;
    },
  };
}
