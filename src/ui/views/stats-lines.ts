import type { StatsTally, YearStats } from '../../domain/year-stats.js';
import { clockHeatMap, monthChart } from '../../text/stats-charts.js';
import { terminalSafe } from '../../text/terminal-safe.js';

/** How wide the Stats view draws its charts; the list cuts lines to the pane. */
const CHART_WIDTH = 60;

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

/** The Stats view's lines: the year's totals, top songs and artists, minutes per month and the listening clock. */
export function statsLines(stats: YearStats, plain: boolean): string[] {
  const period = stats.year !== null ? `in ${stats.year}` : `since ${stats.from.slice(0, 10)}`;
  if (stats.plays === 0) return [`No plays ${period} yet.`];
  const lines = [`Listening ${period}: ${plays(stats.plays)}, ${stats.minutes} min`];
  if (stats.first_song) lines.push(`First song: ${terminalSafe(`${stats.first_song.artist} - ${stats.first_song.title}`)}`);
  const streak = stats.longest_streak;
  lines.push(`Longest streak: ${streak.days} ${streak.days === 1 ? 'day' : 'days'}${streak.days > 1 ? ` (${streak.from} to ${streak.to})` : ''}`);
  lines.push(
    ...tallyLines('TOP SONGS', stats.top_songs, true),
    ...tallyLines('TOP ARTISTS', stats.top_artists, false),
    '',
    'MINUTES PER MONTH',
    ...monthChart(stats.months, CHART_WIDTH, plain).split('\n'),
    '',
    'LISTENING CLOCK (plays by hour of day)',
    ...clockHeatMap(stats.clock, plain).split('\n'),
  );
  return lines;
}
