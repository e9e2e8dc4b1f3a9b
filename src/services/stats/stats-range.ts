import { TunesError } from '../../errors.js';
import { parseSince } from '../history/history-service.js';

export interface StatsRange {
  year: number | null;
  from: Date;
  to: Date;
}

/** `--year Y` (local Jan 1 to the next Jan 1), `--since DATE` (to now), or this year when neither. */
export function resolveStatsRange(options: { year?: string | number | undefined; since?: string | undefined }, now: Date): StatsRange {
  if (options.year !== undefined && options.since !== undefined) {
    throw new TunesError('invalid_input', 'give either --year or --since, not both');
  }
  if (options.since !== undefined) {
    const from = new Date(parseSince(options.since));
    return { year: null, from, to: now };
  }
  const year = options.year === undefined ? now.getFullYear() : parseYear(options.year);
  return { year, from: new Date(year, 0, 1), to: new Date(year + 1, 0, 1) };
}

function parseYear(value: string | number): number {
  const text = String(value).trim();
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!(year >= 1900 && year <= 9999)) throw new TunesError('invalid_input', `--year wants a year like 2026 (got "${value}")`);
  return year;
}
