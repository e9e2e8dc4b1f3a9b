import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthService } from '../../src/services/auth/auth-service.js';
import { fixedClock } from '../../src/services/clock.js';
import { longestStreak } from '../../src/services/stats/summarize.js';
import { createStatsService } from '../../src/services/stats/stats-service.js';
import { EXPECTED_2026, seedYearHistory, STATS_ZONE, statsDigest } from '../helpers/stats-history.js';
import { FAST_SCRYPT, testDatabase } from '../helpers/test-store.js';

// Days, months and hours are the listener's: run in a zone that is not UTC, so bucketing in UTC fails.
const savedZone = process.env['TZ'];
beforeAll(() => {
  process.env['TZ'] = STATS_ZONE;
});
afterAll(() => {
  if (savedZone === undefined) delete process.env['TZ'];
  else process.env['TZ'] = savedZone;
});

async function setup(now = '2026-12-01T12:00:00Z') {
  const store = await testDatabase();
  const clock = fixedClock(new Date(now));
  const auth = createAuthService({ db: store.db, clock, scryptParams: FAST_SCRYPT });
  const alice = (await auth.register('alice', 'password one')).user;
  const bob = (await auth.register('bob', 'password two')).user;
  await seedYearHistory(store, alice.id, bob.id);
  return { stats: createStatsService({ db: store.db, clock }), alice, bob };
}

describe('year in music', () => {
  it('gives the known answers for 2026 in local time, and only the caller’s plays', async () => {
    const { stats, alice } = await setup();
    const year = await stats.yearInMusic(alice.id, { year: 2026 });
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(300); // the zone really is New York's
    expect(statsDigest(year)).toEqual(EXPECTED_2026);
    expect(year.months.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`));
    expect(year.months[0]).toEqual({ month: '2026-01', plays: 4, minutes: 10, ms_played: 600_000 });
    expect(year.ms_played).toBe(840_000);
    expect(year).toMatchObject({ from: '2026-01-01T05:00:00.000Z', to: '2027-01-01T05:00:00.000Z' });
    // The default is this year, by the service's clock.
    expect(await stats.yearInMusic(alice.id)).toEqual(year);
  });

  it('the year before holds the plays of local 2025 (one of them 2026 in UTC)', async () => {
    const { stats, alice } = await setup();
    const before = await stats.yearInMusic(alice.id, { year: '2025' });
    expect(before.plays).toBe(2);
    expect(before.first_song).toMatchObject({ title: 'Alpha' });
    expect(before.new_artists).toEqual(['Old Band', 'Late Band']);
    expect(before.longest_streak).toEqual({ days: 1, from: '2025-12-20', to: '2025-12-20' });
  });

  it("all time ('all', as --year all) runs from the month of the first play to now; with no plays, from this month", async () => {
    const { stats, alice } = await setup();
    const all = await stats.yearInMusic(alice.id, { year: 'all' });
    // The seeded 23:59 play of 31 December 2026 is after "now" (1 December): not counted.
    expect(all).toMatchObject({ year: null, plays: 8, from: '2025-12-01T05:00:00.000Z', to: '2026-12-01T12:00:00.000Z' });
    expect(all.first_song).toMatchObject({ title: 'Alpha' });
    expect(all.new_artists).toEqual(['Old Band', 'Late Band', 'New Band']);
    expect(all.months.map((m) => m.month)).toEqual(['2025-12', ...Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)]);
    expect(all.months[0]).toMatchObject({ month: '2025-12', plays: 2, minutes: 4 });
    expect(await stats.yearInMusic(alice.id, { year: ' ALL ' })).toEqual(all);
    const nobody = await stats.yearInMusic(alice.id + 1000, { year: 'all' });
    expect(nobody).toMatchObject({ plays: 0, from: '2026-12-01T05:00:00.000Z', first_song: null, new_artists: [] });
    expect(nobody.months.map((m) => m.month)).toEqual(['2026-12']);
  });

  it('--since runs from local midnight of the date to now', async () => {
    const { stats, alice } = await setup();
    const since = await stats.yearInMusic(alice.id, { since: '2026-03-01' });
    expect(since).toMatchObject({ year: null, plays: 2, minutes: 2, from: '2026-03-01T05:00:00.000Z', to: '2026-12-01T12:00:00.000Z', new_artists: [] });
    expect(since.months.map((m) => m.month)).toEqual(['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12']);
    expect(since.longest_streak).toEqual({ days: 2, from: '2026-03-10', to: '2026-03-11' });
  });

  it('an empty year has zeros, not errors; another user sees only their own', async () => {
    const { stats, alice, bob } = await setup();
    const empty = await stats.yearInMusic(alice.id, { year: 2030 });
    expect(empty).toMatchObject({ plays: 0, minutes: 0, top_songs: [], first_song: null, longest_streak: { days: 0, from: null, to: null } });
    expect(empty.months).toHaveLength(12);
    const bobs = await stats.yearInMusic(bob.id, { year: 2026 });
    expect(bobs).toMatchObject({ plays: 1, minutes: 10, new_artists: ['New Band'] });
  });

  it('refuses a bad year or date, and both at once', async () => {
    const { stats, alice } = await setup();
    for (const options of [{ year: 'twenty' }, { year: '26' }, { year: '0999' }, { since: 'soon' }, { since: '2026-02-30' }, { year: 2026, since: '2026-01-01' }]) {
      await expect(stats.yearInMusic(alice.id, options), JSON.stringify(options)).rejects.toMatchObject({ code: 'invalid_input' });
    }
  });

  it('finds the longest streak across a month end and a summer-time change', () => {
    const days = new Set(['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10', '2026-05-01']);
    expect(longestStreak(days)).toEqual({ days: 4, from: '2026-03-07', to: '2026-03-10' });
    expect(longestStreak(new Set())).toEqual({ days: 0, from: null, to: null });
  });
});
