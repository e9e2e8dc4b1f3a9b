import type { YearStats } from '../../domain/year-stats.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { localDateTime } from '../../text/local-time.js';
import { monthChart, monthLabel } from '../../text/stats-charts.js';
import { plural } from './playlist-render.js';

const LONG_WEEKDAYS = ['Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays'];

/** "in 2026" or "since 2026-03-01". */
export function describePeriod(stats: YearStats): string {
  return stats.year !== null ? `in ${stats.year}` : `since ${localDateTime(stats.from).slice(0, 10)}`;
}

export function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  return h > 0 ? `${h} h ${minutes % 60} min` : `${minutes} min`;
}

const quoted = (title: string, artist: string) => `"${terminalSafe(title)}" by ${terminalSafe(artist)}`;

/** `tunes wrapped`: the same figures as `tunes stats`, told as a few lines a person would share. */
export function renderWrapped(stats: YearStats, width: number, plain: boolean): string {
  const period = describePeriod(stats);
  if (stats.plays === 0) return `No plays ${period} yet. Play something with: tunes play`;
  const title = stats.year !== null ? `Your ${stats.year} in music` : `Your music ${period}`;
  const lines = [title, '═'.repeat(title.length), ''];
  lines.push(`You listened for ${minutesText(stats.minutes)} over ${plural(stats.plays, 'play')}.`);
  if (stats.first_song) {
    lines.push(`It began on ${localDateTime(stats.first_song.started_at)} with ${quoted(stats.first_song.title, stats.first_song.artist)}.`);
  }
  const [song] = stats.top_songs;
  if (song) lines.push(`Your song: ${quoted(song.name, song.artist ?? '')}, ${plural(song.plays, 'play')}.`);
  const [artist, ...others] = stats.top_artists;
  if (artist) {
    const then = others.slice(0, 2).map((a) => terminalSafe(a.name));
    lines.push(`Your artist: ${terminalSafe(artist.name)}, ${minutesText(artist.minutes)}${then.length ? `; then ${then.join(' and ')}` : ''}.`);
  }
  const [album] = stats.top_albums;
  if (album) lines.push(`Your album: ${quoted(album.name, album.artist ?? '')}.`);
  const [genre] = stats.top_genres;
  if (genre) lines.push(`Your genre: ${terminalSafe(genre.name)} (${plural(genre.plays, 'play')}).`);
  if (stats.new_artists.length > 0) {
    lines.push(`You found ${plural(stats.new_artists.length, 'new artist')}, the first was ${terminalSafe(stats.new_artists[0]!)}.`);
  }
  const streak = stats.longest_streak;
  if (streak.days > 1) lines.push(`Your longest streak: ${streak.days} days in a row, ${streak.from} to ${streak.to}.`);
  lines.push(busiestTime(stats.clock));
  const best = stats.months.reduce((a, b) => (b.minutes > a.minutes ? b : a));
  lines.push(`Your biggest month: ${monthLabel(best.month, stats.year === null)} with ${minutesText(best.minutes)}.`, '', monthChart(stats.months, width, plain));
  return lines.join('\n');
}

function busiestTime(clock: number[][]): string {
  const dayTotals = clock.map((row) => row.reduce((a, b) => a + b, 0));
  const day = dayTotals.indexOf(Math.max(...dayTotals));
  const hourTotals = Array.from({ length: 24 }, (_, h) => clock.reduce((sum, row) => sum + (row[h] ?? 0), 0));
  const hour = hourTotals.indexOf(Math.max(...hourTotals));
  return `You listen most on ${LONG_WEEKDAYS[day]}, and most of all around ${String(hour).padStart(2, '0')}:00.`;
}
