import { describe, expect, it } from 'vitest';
import { createAuthService } from '../../../src/services/auth/auth-service.js';
import { fixedClock } from '../../../src/services/clock.js';
import { createHistoryService, listenThresholdMs, parseSince } from '../../../src/services/history/history-service.js';
import { seedSongs } from '../../helpers/seed-songs.js';
import { FAST_SCRYPT, testDatabase } from '../../helpers/test-store.js';

async function setup() {
  const store = await testDatabase();
  const clock = fixedClock(new Date('2026-03-01T10:00:00Z'));
  const auth = createAuthService({ db: store.db, clock, scryptParams: FAST_SCRYPT });
  const alice = (await auth.register('alice', 'password one')).user;
  const bob = (await auth.register('bob', 'password two')).user;
  const history = createHistoryService({ db: store.db });
  return { store, history, alice, bob };
}

describe('listen threshold', () => {
  it('is 30 s or half the song, whichever is less; 30 s when the length is unknown', () => {
    expect(listenThresholdMs(240_000)).toBe(30_000);
    expect(listenThresholdMs(60_000)).toBe(30_000);
    expect(listenThresholdMs(20_000)).toBe(10_000);
    expect(listenThresholdMs(3_001)).toBe(1_500);
    expect(listenThresholdMs(null)).toBe(30_000);
    expect(listenThresholdMs(0)).toBe(30_000);
  });
});

describe('history service', () => {
  it('records a play only past the threshold', async () => {
    const { store, history, alice } = await setup();
    const [long, short] = await seedSongs(store, [{ duration_ms: 200_000 }, { duration_ms: 10_000 }]);
    const startedAt = new Date('2026-03-01T10:00:00Z');
    expect(await history.recordListen({ userId: alice.id, songId: long!.id, startedAt, msPlayed: 29_999, durationMs: 200_000 })).toBeUndefined();
    expect(await history.recordListen({ userId: alice.id, songId: short!.id, startedAt, msPlayed: 4_999, durationMs: 10_000 })).toBeUndefined();
    const counted = await history.recordListen({ userId: alice.id, songId: long!.id, startedAt, msPlayed: 30_000.4, durationMs: 200_000 });
    expect(counted).toMatchObject({ user_id: alice.id, song_id: long!.id, started_at: '2026-03-01T10:00:00.000Z', ms_played: 30_000 });
    expect(await history.recordListen({ userId: alice.id, songId: short!.id, startedAt, msPlayed: 5_000, durationMs: 10_000 })).toBeDefined();
    const rows = await store.db.selectFrom('plays').selectAll().execute();
    expect(rows).toHaveLength(2);
  });

  it('lists a user\'s recent plays newest first, with the song, and only theirs', async () => {
    const { store, history, alice, bob } = await setup();
    const [a, b] = await seedSongs(store, [{ title: 'Alpha', artist: 'X' }, { title: 'Beta', artist: 'Y' }]);
    const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 12, m));
    await history.recordListen({ userId: alice.id, songId: a!.id, startedAt: at(1), msPlayed: 60_000, durationMs: 180_000 });
    await history.recordListen({ userId: alice.id, songId: b!.id, startedAt: at(5), msPlayed: 90_000, durationMs: 180_000 });
    await history.recordListen({ userId: bob.id, songId: a!.id, startedAt: at(9), msPlayed: 90_000, durationMs: 180_000 });
    const recent = await history.recent(alice.id);
    expect(recent.map((p) => [p.song.title, p.song.artist, p.started_at, p.ms_played])).toEqual([
      ['Beta', 'Y', '2026-01-01T12:05:00.000Z', 90_000],
      ['Alpha', 'X', '2026-01-01T12:01:00.000Z', 60_000],
    ]);
    expect(await history.recent(alice.id, { limit: 1 })).toHaveLength(1);
    await expect(history.recent(alice.id, { limit: 0 })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('parses --since dates (midnight where the listener is) and times', () => {
    const zone = process.env['TZ'];
    try {
      process.env['TZ'] = 'Asia/Tokyo';
      expect(parseSince('2026-01-01')).toBe('2025-12-31T15:00:00.000Z');
      process.env['TZ'] = 'UTC';
      expect(parseSince('2026-01-01')).toBe('2026-01-01T00:00:00.000Z');
    } finally {
      if (zone === undefined) delete process.env['TZ'];
      else process.env['TZ'] = zone;
    }
    expect(() => parseSince('2026-02-30')).toThrow(/--since wants a date/);
    expect(parseSince('2026-01-01T12:30:00+02:00')).toBe('2026-01-01T10:30:00.000Z');
    expect(() => parseSince('yesterday')).toThrow(/--since wants a date like 2026-01-01/);
    expect(() => parseSince('2026-13-45')).toThrow();
  });
});
