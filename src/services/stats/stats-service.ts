import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { artistsPlayedBefore, playsBetween } from '../../db/repositories/play-stats.js';
import type { YearStats } from '../../domain/year-stats.js';
import type { Clock } from '../clock.js';
import { summarizePlays } from './summarize.js';
import { resolveStatsRange } from './stats-range.js';

export interface StatsOptions {
  year?: string | number | undefined;
  since?: string | undefined;
  /** How many top songs, artists, albums and genres (default 10). */
  limit?: number;
}

export interface StatsService {
  /** A year (default this one, 'all' for all time) or the time since a date of one user's listening. Bad year/date: invalid_input. */
  yearInMusic(userId: number, options?: StatsOptions): Promise<YearStats>;
}

function monthStart(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), 1);
}

export function createStatsService({ db, clock }: { db: Kysely<Database>; clock: Clock }): StatsService {
  return {
    async yearInMusic(userId, options = {}) {
      const range = resolveStatsRange(options, clock.now());
      const fromIso = range.from.toISOString();
      const [plays, earlier] = await Promise.all([
        playsBetween(db, userId, fromIso, range.to.toISOString()),
        range.allTime ? Promise.resolve([]) : artistsPlayedBefore(db, userId, fromIso),
      ]);
      // All time starts at the month of the first play (or this month, when there is none), not in 1970.
      const from = range.allTime ? monthStart(plays[0] ? new Date(plays[0].started_at) : range.to) : range.from;
      return summarizePlays(plays, { year: range.year, from, to: range.to, knownArtists: earlier, limit: options.limit ?? 10 });
    },
  };
}
