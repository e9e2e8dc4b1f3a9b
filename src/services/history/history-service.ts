import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { HistoryEntry, Play } from '../../domain/history.js';
import { TunesError } from '../../errors.js';
import { insertPlay, recentPlays } from '../../db/repositories/plays.js';

/** A play counts once someone has listened for 30 s or half the song, whichever is less. */
export function listenThresholdMs(durationMs: number | null | undefined): number {
  if (!durationMs || durationMs <= 0) return 30_000;
  return Math.min(30_000, Math.floor(durationMs / 2));
}

export interface ListenRecord {
  userId: number;
  songId: number;
  startedAt: Date;
  msPlayed: number;
  durationMs: number | null;
}

export interface HistoryService {
  /** Writes a play when the listen passed the threshold; returns it, or undefined when it did not count. */
  recordListen(listen: ListenRecord): Promise<Play | undefined>;
  recent(userId: number, options?: { limit?: number }): Promise<HistoryEntry[]>;
}

export function createHistoryService({ db }: { db: Kysely<Database> }): HistoryService {
  return {
    async recordListen({ userId, songId, startedAt, msPlayed, durationMs }) {
      const ms = Math.round(msPlayed);
      if (ms < listenThresholdMs(durationMs)) return undefined;
      return insertPlay(db, { user_id: userId, song_id: songId, started_at: startedAt.toISOString(), ms_played: ms });
    },
    async recent(userId, { limit = 20 } = {}) {
      return recentPlays(db, userId, checkLimit(limit));
    },
  };
}

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) {
    throw new TunesError('invalid_input', `limit must be a whole number from 1 to 10000 (got ${limit})`);
  }
  return limit;
}

/**
 * Accepts 2026-01-01 (midnight in the machine's time zone, the day the listener means) or a full ISO
 * time; returns the ISO string stored (UTC) times compare with.
 */
export function parseSince(text: string): string {
  const trimmed = text.trim();
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const time = day
    ? localMidnight(Number(day[1]), Number(day[2]), Number(day[3]))
    : /^\d{4}-\d{2}-\d{2}T/.test(trimmed)
      ? Date.parse(trimmed)
      : NaN;
  if (Number.isNaN(time)) throw new TunesError('invalid_input', `--since wants a date like 2026-01-01 (got "${text}")`);
  return new Date(time).toISOString();
}

/** NaN for a day that does not exist (2026-02-30), rather than a silently shifted one. */
function localMidnight(year: number, month: number, day: number): number {
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date.getTime() : NaN;
}
