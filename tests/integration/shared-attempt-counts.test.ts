import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Store } from '../../src/db/open.js';
import { createLoginLimiter, type LoginLimits } from '../../src/server/login-limiter.js';
import { createRegistrationLimiter } from '../../src/server/registration-limiter.js';
import { fixedClock } from '../../src/services/clock.js';
import { createDatabaseAttemptCounts } from '../../src/services/limits/database-attempt-counts.js';
import { freshPostgresUrl, testDialect } from '../helpers/test-postgres.js';
import { tempDir } from '../helpers/temp-dir.js';

const limits: LoginLimits = {
  perAccountAndAddress: { free: 3, firstDelayMs: 1000, maxDelayMs: 60_000, forgetAfterMs: 600_000 },
  perAddress: { free: 5, firstDelayMs: 1000, maxDelayMs: 60_000, forgetAfterMs: 600_000 },
};

const opened: Store[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

/** Two stores on one database, as two servers have: two connections (pools) to one file or server. */
async function twoServersOnOneDatabase(): Promise<[Store, Store]> {
  const location = testDialect() === 'postgres' ? await freshPostgresUrl() : join(tempDir(), 'tunes.db');
  const a = await openDatabase(location);
  const b = await openDatabase(location);
  opened.push(a, b);
  return [a, b];
}

function limitersOn([a, b]: [Store, Store]) {
  const clock = fixedClock(new Date('2026-01-01T00:00:00Z'));
  return {
    clock,
    onA: createLoginLimiter(clock, limits, createDatabaseAttemptCounts({ db: a.db })),
    onB: createLoginLimiter(clock, limits, createDatabaseAttemptCounts({ db: b.db })),
  };
}

describe('limiter counts in the database (shared by servers)', () => {
  it('failures counted by one server slow the next attempt on the other, and the wait doubles and expires as before', async () => {
    const { clock, onA, onB } = limitersOn(await twoServersOnOneDatabase());
    for (const limiter of [onA, onB, onA]) {
      expect(await limiter.begin('alice', '10.0.0.1')).toBe(0);
      await limiter.settle('alice', '10.0.0.1', 'failed');
    }
    expect(await onB.begin('ALICE', '10.0.0.1')).toBe(1);
    clock.advance(1000);
    expect(await onB.begin('alice', '10.0.0.1')).toBe(0);
    await onB.settle('alice', '10.0.0.1', 'failed');
    expect(await onA.begin('alice', '10.0.0.1')).toBe(2);
    expect(await onA.begin('alice', '10.0.0.2')).toBe(0);
    clock.advance(600_000);
    expect(await onA.begin('alice', '10.0.0.1')).toBe(0);
  });

  it('a success on one server ends the slow-down the other server counted, but keeps the address count', async () => {
    const { onA, onB } = limitersOn(await twoServersOnOneDatabase());
    for (let i = 0; i < 3; i++) {
      await onA.begin('bob', '10.0.0.1');
      await onA.settle('bob', '10.0.0.1', 'failed');
    }
    expect(await onB.begin('carol', '10.0.0.1')).toBe(0);
    await onB.settle('carol', '10.0.0.1', 'succeeded');
    // Three failures on the address still count: two more reach its five.
    for (let i = 0; i < 2; i++) {
      expect(await onB.begin(`x${i}`, '10.0.0.1')).toBe(0);
      await onB.settle(`x${i}`, '10.0.0.1', 'failed');
    }
    expect(await onA.begin('someone', '10.0.0.1')).toBe(1);
  });

  it('attempts arriving together at both servers pass only as many times as allowed in all', async () => {
    const [a, b] = await twoServersOnOneDatabase();
    // SQLite in one process: a second handle's BEGIN IMMEDIATE would wait synchronously (better-sqlite3
    // blocks the thread) for a transaction this thread cannot finish meanwhile. Two servers are two
    // processes; here both limiters share one handle, whose connection takes the transactions in turn.
    const { onA, onB } = limitersOn(testDialect() === 'postgres' ? [a, b] : [a, a]);
    const waits = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? onA : onB).begin('eve', '10.0.0.5')));
    expect(waits.filter((w) => w === 0)).toHaveLength(limits.perAccountAndAddress.free);
  });

  it('registrations from one address are counted across servers too', async () => {
    const [a, b] = await twoServersOnOneDatabase();
    const clock = fixedClock(new Date('2026-01-01T00:00:00Z'));
    const policy = { free: 2, firstDelayMs: 60_000, maxDelayMs: 600_000, forgetAfterMs: 3_600_000 };
    const onA = createRegistrationLimiter(clock, policy, createDatabaseAttemptCounts({ db: a.db }));
    const onB = createRegistrationLimiter(clock, policy, createDatabaseAttemptCounts({ db: b.db }));
    expect(await onA.begin('10.0.0.7')).toBe(0);
    expect(await onB.begin('10.0.0.7')).toBe(0);
    expect(await onA.begin('10.0.0.7')).toBe(60);
    await onB.notCounted('10.0.0.7');
    expect(await onA.begin('10.0.0.7')).toBe(0);
  });
});
