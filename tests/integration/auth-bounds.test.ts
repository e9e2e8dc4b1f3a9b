import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createAuthService, SESSION_TOUCH_INTERVAL_MS } from '../../src/services/auth/auth-service.js';
import { createHashQueue, type HashLane, type HashQueue } from '../../src/services/auth/hash-queue.js';
import { fixedClock } from '../../src/services/clock.js';
import { errorOf as codeOf } from '../helpers/error-of.js';
import { FAST_SCRYPT, testStore } from '../helpers/test-store.js';

/** A real queue that also notes which lanes asked for a hash. */
function countingQueue(): HashQueue & { lanes: HashLane[] } {
  const queue = createHashQueue({ concurrency: 1, waiting: { login: 10, register: 10 } });
  const lanes: HashLane[] = [];
  return { lanes, run: (lane, work) => (lanes.push(lane), queue.run(lane, work)) };
}

async function setup() {
  const store = await testStore();
  const clock = fixedClock(new Date('2026-01-01T00:00:00Z'));
  const hashQueue = countingQueue();
  const auth = createAuthService({ db: store.db, clock, scryptParams: FAST_SCRYPT, hashQueue });
  return { store, clock, auth, hashQueue };
}

const lastUsed = (store: Awaited<ReturnType<typeof testStore>>) =>
  (store.sqlite.prepare('select last_used_at from sessions').get() as { last_used_at: string }).last_used_at;

describe('auth service bounds', () => {
  it('checks the username rules and that the name is free before spending a hash', async () => {
    const { auth, hashQueue } = await setup();
    await auth.register('alice', 'correct horse');
    expect(hashQueue.lanes).toEqual(['register']);
    expect(await codeOf(auth.createAccount('ALICE', 'correct horse', { remote: true }))).toBe('conflict: username "ALICE" is taken');
    expect(await codeOf(auth.createAccount('no way!', 'correct horse'))).toMatch(/^invalid_input: username/);
    expect(await codeOf(auth.checkNewAccount('alice', 'correct horse'))).toBe('conflict: username "alice" is taken');
    await expect(auth.checkNewAccount('bob', 'correct horse')).resolves.toBeUndefined();
    expect(hashQueue.lanes).toEqual(['register']);
    await auth.login('alice', 'correct horse');
    expect(hashQueue.lanes).toEqual(['register', 'login']);
  });

  it('writes a session’s last use at most once a minute', async () => {
    const { auth, clock, store } = await setup();
    const { token } = await auth.register('alice', 'correct horse');
    const created = lastUsed(store);
    clock.advance(SESSION_TOUCH_INTERVAL_MS - 1);
    await auth.authenticate(token);
    expect(lastUsed(store)).toBe(created);
    clock.advance(1);
    await auth.authenticate(token);
    expect(lastUsed(store)).toBe(clock.now().toISOString());
  });

  it('authenticates while another process holds the write lock, without waiting for it', async () => {
    const { auth, clock, store } = await setup();
    const { token } = await auth.register('alice', 'correct horse');
    const created = lastUsed(store);
    clock.advance(2 * SESSION_TOUCH_INTERVAL_MS);
    const other = new BetterSqlite3(store.path);
    other.exec('begin immediate');
    try {
      expect((await auth.authenticate(token)).username).toBe('alice');
    } finally {
      other.exec('rollback');
      other.close();
    }
    expect(lastUsed(store)).toBe(created);
    // The lock is gone: the next use renews the session, and the busy timeout is back for writes.
    await auth.authenticate(token);
    expect(lastUsed(store)).toBe(clock.now().toISOString());
    expect(store.sqlite.pragma('busy_timeout', { simple: true })).toBe(10_000);
  });

  it('authenticates on a read-only database', async () => {
    const { auth, clock, store } = await setup();
    const { token } = await auth.register('alice', 'correct horse');
    clock.advance(2 * SESSION_TOUCH_INTERVAL_MS);
    store.sqlite.pragma('query_only = 1');
    expect((await auth.authenticate(token)).username).toBe('alice');
  });
});
