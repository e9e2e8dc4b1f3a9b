import type { Kysely } from 'kysely';
import { forgetAttempts, giveBackAttempt, readAttempts, takeAttempts } from '../../db/repositories/attempt-counts.js';
import type { Database } from '../../db/schema.js';
import { waitMs, type AttemptCounts } from './attempt-counts.js';

/**
 * Attempt counts in the database (issue 15): every server sharing it sees the same counts, so two
 * servers cannot each allow the full number of failures, and a restart forgets nothing. Keys expire
 * by their policy's forgetAfterMs, so a spray of made-up usernames leaves rows for an hour at most.
 */
export function createDatabaseAttemptCounts({ db }: { db: Kysely<Database> }): AttemptCounts {
  return {
    async take(keys, now) {
      const policies = new Map(keys.map((k) => [k.key, k.policy]));
      const wait = await takeAttempts(
        db,
        keys.map(({ key, policy }) => ({ key, forgetAfterMs: policy.forgetAfterMs })),
        now,
        (key, stored) => waitMs(policies.get(key)!, stored.count, stored.lastAt, now),
      );
      return wait > 0 ? Math.ceil(wait / 1000) : 0;
    },
    async peek(keys, now) {
      const stored = await readAttempts(db, keys.map((k) => k.key), now);
      let wait = 0;
      for (const { key, policy } of keys) {
        const attempts = stored.get(key);
        if (attempts) wait = Math.max(wait, waitMs(policy, attempts.count, attempts.lastAt, now));
      }
      return { wait: wait > 0 ? Math.ceil(wait / 1000) : 0, tried: new Set(stored.keys()) };
    },
    giveBack: (key) => giveBackAttempt(db, key),
    forget: (key) => forgetAttempts(db, key),
  };
}
