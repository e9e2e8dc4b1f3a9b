import type { StatsTally, YearStats } from '../../domain/year-stats.js';
import { clockHeatMap, monthChart } from '../../text/stats-charts.js';
import { localDateTime } from '../../text/local-time.js';
import { terminalSafe } from '../../text/terminal-safe.js';

/** How wide the Stats view draws its charts; the list cuts lines to the pane. */
const CHART_WIDTH = 60;

const localDayOf = (iso: string) => localDateTime(iso).slice(0, 10);
const plays = (n: number) => `${n} ${n === 1 ? 'play' : 'plays'}`;

function tallyLines(title: string, tallies: StatsTally[], withArtist: boolean): string[] {
  if (tallies.length === 0) return [];
  return [
    '',
    title,
    ...tallies.map((t, i) => {
      const name = terminalSafe(withArtist && t.artist ? `${t.artist} - ${t.name}` : t.name);
      return `${`${i + 1}.`.padStart(3)} ${name}  ${plays(t.plays)}, ${t.minutes} min`;
    }),
  ];
}

/** A year with no plays, said plainly: a past year had none, this one has none yet. */
function nothingPlayed(stats: YearStats, allTime: boolean): string {
  if (allTime) return 'No plays yet: songs played for 30 s (or half their length) count here.';
  if (stats.year === null) return `No plays since ${localDayOf(stats.from)} yet.`;
  return stats.year < new Date().getFullYear() ? `No plays in ${stats.year}.` : `No plays in ${stats.year} yet.`;
}

/** The Stats view's lines: the year's (or all time's) totals, top songs and artists, minutes per month and the listening clock. */
export function statsLines(stats: YearStats, plain: boolean, { allTime = false }: { allTime?: boolean } = {}): string[] {
  if (stats.plays === 0) return [nothingPlayed(stats, allTime)];
  const period = allTime ? `all time (since ${localDayOf(stats.from)})` : stats.year !== null ? `in ${stats.year}` : `since ${localDayOf(stats.from)}`;
  const lines = [`Listening ${period}: ${plays(stats.plays)}, ${stats.minutes} min`];
  if (stats.first_song) lines.push(`First song: ${terminalSafe(`${stats.first_song.artist} - ${stats.first_song.title}`)}`);
  const streak = stats.longest_streak;
  lines.push(`Longest streak: ${streak.days} ${streak.days === 1 ? 'day' : 'days'}${streak.days > 1 ? ` (${streak.from} to ${streak.to})` : ''}`);
  if (stats.new_artists.length > 0) {
    const shown = stats.new_artists.slice(0, 5).map(terminalSafe).join(', ');
    lines.push(`New artists: ${stats.new_artists.length} (${shown}${stats.new_artists.length > 5 ? ', …' : ''})`);
  }
  lines.push(
    ...tallyLines('TOP SONGS', stats.top_songs, true),
    ...tallyLines('TOP ARTISTS', stats.top_artists, false),
    ...tallyLines('TOP ALBUMS', stats.top_albums, true),
    ...tallyLines('TOP GENRES', stats.top_genres, false),
    '',
    'MINUTES PER MONTH',
    ...monthChart(stats.months, CHART_WIDTH, plain).split('\n'),
    '',
    'LISTENING CLOCK (plays by hour of day)',
    ...clockHeatMap(stats.clock, plain).split('\n'),
  );
  return lines;
}
