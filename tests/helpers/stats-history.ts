import type { Store } from '../../src/db/open.js';
import { seedSongs } from './seed-songs.js';

/** The zone the seeded history's answers are worked out in: New York, UTC-5 in winter, UTC-4 from 8 March 2026. */
export const STATS_ZONE = 'America/New_York';

/**
 * A year of listening with answers known by hand (in STATS_ZONE). Plays near midnight sit in a
 * different year or day in UTC than in New York, so bucketing in UTC gives other answers.
 */
export async function seedYearHistory(store: Store, userId: number, otherUserId?: number): Promise<void> {
  const [dawn, alpha, eve, beta] = await seedSongs(store, [
    { title: 'Dawn', artist: 'New Band', album: 'Sunrise', genre: 'Jazz' },
    { title: 'Alpha', artist: 'Old Band', album: 'First', genre: 'Rock' },
    { title: 'Eve', artist: 'Late Band', album: 'Night', genre: 'Rock' },
    { title: 'Beta', artist: 'old band', album: 'First', genre: 'rock' },
  ]);
  const plays: Array<[number, string, number]> = [
    [alpha!.id, '2025-12-20T15:00:00.000Z', 180_000], // 2025: Old Band heard before
    [eve!.id, '2026-01-01T04:30:00.000Z', 60_000], // 31 Dec 2025 23:30 local: Late Band heard before 2026
    [dawn!.id, '2026-01-01T05:30:00.000Z', 120_000], // Thu 1 Jan 00:30, first song of 2026
    [dawn!.id, '2026-01-02T03:00:00.000Z', 120_000], // Thu 1 Jan 22:00
    [alpha!.id, '2026-01-02T15:00:00.000Z', 180_000], // Fri 2 Jan 10:00
    [beta!.id, '2026-01-03T15:00:00.000Z', 180_000], // Sat 3 Jan 10:00
    [dawn!.id, '2026-03-10T14:00:00.000Z', 60_000], // Tue 10 Mar 10:00 (summer time)
    [eve!.id, '2026-03-11T14:00:00.000Z', 60_000], // Wed 11 Mar 10:00
    [eve!.id, '2027-01-01T04:59:00.000Z', 120_000], // Thu 31 Dec 2026 23:59
  ];
  const rows = plays.map(([song_id, started_at, ms_played]) => ({ user_id: userId, song_id, started_at, ms_played }));
  if (otherUserId !== undefined) rows.push({ user_id: otherUserId, song_id: dawn!.id, started_at: '2026-05-01T12:00:00.000Z', ms_played: 600_000 });
  await store.db.insertInto('plays').values(rows).execute();
}

const hourRow = (hours: Record<number, number>) => Array.from({ length: 24 }, (_, h) => hours[h] ?? 0);

/** What 2026 holds for the seeded user, worked out by hand in STATS_ZONE. */
export const EXPECTED_2026 = {
  year: 2026,
  plays: 7,
  minutes: 14,
  top_songs: [
    ['Dawn', 'New Band', 3, 5],
    ['Eve', 'Late Band', 2, 3],
    ['Alpha', 'Old Band', 1, 3],
    ['Beta', 'old band', 1, 3],
  ],
  top_artists: [
    ['New Band', 3, 5],
    ['Old Band', 2, 6],
    ['Late Band', 2, 3],
  ],
  top_albums: [
    ['Sunrise', 'New Band', 3, 5],
    ['First', 'Old Band', 2, 6],
    ['Night', 'Late Band', 2, 3],
  ],
  top_genres: [
    ['Rock', 4, 9],
    ['Jazz', 3, 5],
  ],
  month_minutes: [10, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 2],
  clock: [
    hourRow({}),
    hourRow({ 10: 1 }),
    hourRow({ 10: 1 }),
    hourRow({ 0: 1, 22: 1, 23: 1 }),
    hourRow({ 10: 1 }),
    hourRow({ 10: 1 }),
    hourRow({}),
  ],
  longest_streak: { days: 3, from: '2026-01-01', to: '2026-01-03' },
  first_song: { title: 'Dawn', artist: 'New Band', started_at: '2026-01-01T05:30:00.000Z' },
  new_artists: ['New Band'],
};

interface StatsLike {
  year: number | null;
  plays: number;
  minutes: number;
  top_songs: Array<{ name: string; artist: string | null; plays: number; minutes: number }>;
  top_artists: Array<{ name: string; plays: number; minutes: number }>;
  top_albums: Array<{ name: string; artist: string | null; plays: number; minutes: number }>;
  top_genres: Array<{ name: string; plays: number; minutes: number }>;
  months: Array<{ minutes: number }>;
  clock: number[][];
  longest_streak: unknown;
  first_song: unknown;
  new_artists: string[];
}

/** A stats document in the shape EXPECTED_2026 is written in. */
export function statsDigest(stats: StatsLike) {
  return {
    year: stats.year,
    plays: stats.plays,
    minutes: stats.minutes,
    top_songs: stats.top_songs.map((t) => [t.name, t.artist, t.plays, t.minutes]),
    top_artists: stats.top_artists.map((t) => [t.name, t.plays, t.minutes]),
    top_albums: stats.top_albums.map((t) => [t.name, t.artist, t.plays, t.minutes]),
    top_genres: stats.top_genres.map((t) => [t.name, t.plays, t.minutes]),
    month_minutes: stats.months.map((m) => m.minutes),
    clock: stats.clock,
    longest_streak: stats.longest_streak,
    first_song: stats.first_song,
    new_artists: stats.new_artists,
  };
}
