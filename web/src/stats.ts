/** `GET /api/me/stats` (the same document as `tunes stats --json`) and how the Stats page names things. */

export interface StatsTally {
  name: string;
  artist: string | null;
  song_id: number | null;
  plays: number;
  minutes: number;
  ms_played: number;
}

export interface MonthMinutes {
  month: string;
  plays: number;
  minutes: number;
  ms_played: number;
}

export interface YearStats {
  year: number | null;
  from: string;
  to: string;
  plays: number;
  minutes: number;
  ms_played: number;
  top_songs: StatsTally[];
  top_artists: StatsTally[];
  top_albums: StatsTally[];
  top_genres: StatsTally[];
  months: MonthMinutes[];
  /** clock[day][hour], Monday first. */
  clock: number[][];
  longest_streak: { days: number; from: string | null; to: string | null };
  first_song: { title: string; artist: string; started_at: string } | null;
  new_artists: string[];
}

/** What the page shows: a calendar year or all time. */
export type StatsYear = number | 'all';

export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2026-03 as "Mar", or "Mar 2026" when the chart spans years. */
export function monthName(month: string, withYear: boolean): string {
  const [year, number] = month.split('-');
  const name = MONTHS[Number(number) - 1] ?? month;
  return withYear ? `${name} ${year}` : name;
}

export const plays = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'play' : 'plays'}`;

/** "45 min", "3 h 20 min". */
export function minutesText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours.toLocaleString()} h ${minutes % 60} min` : `${minutes} min`;
}

/** The year in the address (`/stats?year=2025`, `?year=all`); this year when absent or not a year. */
export function yearFromQuery(value: string | null, thisYear: number): StatsYear {
  if (value === 'all') return 'all';
  return value !== null && /^\d{4}$/.test(value) ? Number(value) : thisYear;
}
