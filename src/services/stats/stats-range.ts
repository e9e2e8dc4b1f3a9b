import { TunesError } from '../../errors.js';
import { parseSince } from '../history/history-service.js';

export interface StatsRange {
  year: number | null;
  from: Date;
  to: Date;
  /** `--year all`: every play until now; the caller moves `from` to the first play's month. */
  allTime?: true;
}

/** `--year Y` (local Jan 1 to the next Jan 1), `--year all`, `--since DATE` (to now), or this year when none. */
export function resolveStatsRange(options: { year?: string | number | undefined; since?: string | undefined }, now: Date): StatsRange {
  if (options.year !== undefined && options.since !== undefined) {
    throw new TunesError('invalid_input', 'give either --year or --since, not both');
  }
  if (options.since !== undefined) {
    const from = new Date(parseSince(options.since));
    return { year: null, from, to: now };
  }
  if (typeof options.year === 'string' && options.year.trim().toLowerCase() === 'all') return { year: null, from: new Date(0), to: now, allTime: true };
  const year = options.year === undefined ? now.getFullYear() : parseYear(options.year);
  return { year, from: new Date(year, 0, 1), to: new Date(year + 1, 0, 1) };
}

function parseYear(value: string | number): number {
  const text = String(value).trim();
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= 1900 && year <= 9999)) throw new TunesError('invalid_input', `--year wants a year like 2026, or all (got "${value}")`);
  return year;
}
