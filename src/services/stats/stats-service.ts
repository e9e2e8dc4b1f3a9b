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
  /** A year (default this one) or the time since a date of one user's listening. Bad year/date: invalid_input. */
  yearInMusic(userId: number, options?: StatsOptions): Promise<YearStats>;
}

export function createStatsService({ db, clock }: { db: Kysely<Database>; clock: Clock }): StatsService {
  return {
    async yearInMusic(userId, options = {}) {
      const range = resolveStatsRange(options, clock.now());
      const fromIso = range.from.toISOString();
      const [plays, earlier] = await Promise.all([
        playsBetween(db, userId, fromIso, range.to.toISOString()),
        artistsPlayedBefore(db, userId, fromIso),
      ]);
      return summarizePlays(plays, { ...range, knownArtists: earlier, limit: options.limit ?? 10 });
    },
  };
}
