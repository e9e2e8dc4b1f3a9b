import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { User } from '../../src/domain/user.js';
import { insertUser } from '../../src/db/repositories/users.js';
import { createAuthService } from '../../src/services/auth/auth-service.js';
import { fixedClock } from '../../src/services/clock.js';
import { FAST_SCRYPT, testDatabase } from '../helpers/test-store.js';
import { testDialect } from '../helpers/test-postgres.js';

const admins = async (store: Awaited<ReturnType<typeof testDatabase>>) =>
  (await store.db.selectFrom('users').select('role').where('role', '=', 'admin').execute()).length;

describe('the first account (on both databases)', () => {
  it('is the only admin when many accounts are written at once on an empty database', async () => {
    for (let round = 0; round < 2; round++) {
      const store = await testDatabase();
      const made = await Promise.all(Array.from({ length: 24 }, (_, i) => insertUser(store.db, `racer${i}`, 'hash', '2026-03-01T12:00:00.000Z')));
      expect(made.filter((user) => user.role === 'admin')).toHaveLength(1);
      expect(await admins(store)).toBe(1);
    }
  });

  it('is the only admin when many register at once, each through its own service (as separate servers)', async () => {
    const store = await testDatabase();
    const clock = fixedClock(new Date('2026-03-01T12:00:00Z'));
    const made = await Promise.all(
      Array.from({ length: 12 }, (_, i) => createAuthService({ db: store.db, clock, scryptParams: FAST_SCRYPT }).register(`racer${i}`, 'password one')),
    );
    expect(made.filter(({ user }) => user.role === 'admin')).toHaveLength(1);
    expect(await admins(store)).toBe(1);
  });
});

describe.skipIf(testDialect() !== 'postgres')('the first account on PostgreSQL (the race is between connections; SQLite has one writer)', () => {
  it('waits for a first registration still in its transaction instead of becoming a second admin', async () => {
    const store = await testDatabase();
    let second: Promise<User> | undefined;
    await store.db.transaction().execute(async (trx) => {
      expect((await insertUser(trx, 'first', 'hash', '2026-03-01T12:00:00.000Z')).role).toBe('admin');
      second = insertUser(store.db, 'second', 'hash', '2026-03-01T12:00:00.000Z');
      // Uncommitted, the first admin is invisible to the second insert: it must wait for this
      // transaction (on the lock) rather than finish first as another admin.
      const done = second.then(() => 'finished' as const);
      for (;;) {
        const waiting = await sql<{ n: number }>`select count(*) as n from pg_locks where locktype = 'advisory' and not granted`.execute(store.db);
        if (waiting.rows[0]!.n > 0) break;
        const state = await Promise.race([done, new Promise<'pending'>((resolve) => setImmediate(() => resolve('pending')))]);
        if (state === 'finished') break;
      }
    });
    expect((await second!).role).toBe('user');
    expect(await admins(store)).toBe(1);
  });
});
