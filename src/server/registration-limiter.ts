import type { Clock } from '../services/clock.js';
import { createMemoryAttemptCounts, type AttemptCounts, type SlowDown } from '../services/limits/attempt-counts.js';
import { addressKey } from './client-address.js';

const MINUTE = 60 * 1000;

/**
 * New accounts from one address: a household signing up together is fine, a script making
 * hundreds (each one a 128 MiB, ~0.4 s password hash) is slowed to a trickle.
 */
export const DEFAULT_REGISTRATION_LIMIT: SlowDown = {
  free: 5,
  firstDelayMs: MINUTE,
  maxDelayMs: 60 * MINUTE,
  forgetAfterMs: 24 * 60 * MINUTE,
};

export interface RegistrationLimiter {
  /** 0 when a registration from `ip` may go ahead (and is counted), else the seconds to wait. */
  begin(ip: string): Promise<number>;
  /** The registration never reached its hash (the server was busy): it does not count. */
  notCounted(ip: string): Promise<void>;
}

export function createRegistrationLimiter(
  clock: Clock,
  limit: SlowDown = DEFAULT_REGISTRATION_LIMIT,
  counts: AttemptCounts = createMemoryAttemptCounts(),
): RegistrationLimiter {
  const keyOf = (ip: string) => `register@${addressKey(ip)}`;
  return {
    begin: (ip) => counts.take([{ key: keyOf(ip), policy: limit }], clock.now().getTime()),
    notCounted: (ip) => counts.giveBack(keyOf(ip)),
  };
}
