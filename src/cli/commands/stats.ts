import type { Command } from 'commander';
import type { StatsTally, YearStats } from '../../domain/year-stats.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { clockHeatMap, monthChart, plainCharts } from '../../text/stats-charts.js';
import { emit, terminalWidth, withJson, type JsonOption } from '../output.js';
import { wholeNumber } from '../parse-number.js';
import { presentYearStats } from '../present/listening.js';
import type { CliRuntime } from '../runtime.js';
import { withUser } from './current-user.js';
import { plural, renderTable } from './playlist-render.js';
import { describePeriod, minutesText, renderWrapped } from './wrapped-story.js';

interface StatsOptions extends JsonOption {
  year?: string;
  since?: string;
  limit?: number;
}

export function registerStatsCommands(program: Command, runtime: CliRuntime): void {
  const withRange = (command: Command) =>
    withJson(
      command
        .option('--year <year>', 'one calendar year in local time, or all (default: this year)')
        .option('--since <date>', 'from this date (e.g. 2026-03-01) until now, instead of a year')
        .option('--limit <n>', 'how many top songs, artists, albums and genres (default 10)', wholeNumber('--limit')),
    );
  const load = async (options: StatsOptions) => {
    const { services, user } = await withUser(runtime);
    return services.stats.yearInMusic(user.id, { year: options.year, since: options.since, limit: options.limit ?? 10 });
  };

  withRange(program.command('stats').description('your year in music: top songs, artists, albums, genres, months, listening clock')).action(
    async (options: StatsOptions) => {
      const stats = await load(options);
      emit(runtime, options, presentYearStats(stats), () => renderStats(stats, terminalWidth(runtime), plainCharts()));
    },
  );
  withRange(program.command('wrapped').description('your year in music told as a short story')).action(async (options: StatsOptions) => {
    const stats = await load(options);
    emit(runtime, options, presentYearStats(stats), () => renderWrapped(stats, terminalWidth(runtime), plainCharts()));
  });
}

export function renderStats(stats: YearStats, width: number, plain: boolean): string {
  const period = describePeriod(stats);
  if (stats.plays === 0) return `No plays ${period}.`;
  const lines = [`Listening ${period}: ${plural(stats.plays, 'play')}, ${minutesText(stats.minutes)}`];
  if (stats.first_song) lines.push(`First song: ${terminalSafe(`${stats.first_song.artist} - ${stats.first_song.title}`)}`);
  const streak = stats.longest_streak;
  lines.push(`Longest streak: ${plural(streak.days, 'day')}${streak.days > 1 ? ` (${streak.from} to ${streak.to})` : ''}`);
  if (stats.new_artists.length > 0) {
    const shown = stats.new_artists.slice(0, 5).map(terminalSafe).join(', ');
    lines.push(`New artists: ${stats.new_artists.length} (${shown}${stats.new_artists.length > 5 ? ', …' : ''})`);
  }
  const table = (title: string, tallies: StatsTally[], withArtist: boolean) =>
    tallies.length === 0
      ? []
      : [
          '',
          renderTable(
            ['#', title, 'PLAYS', 'MIN'],
            tallies.map((t, i) => [`${i + 1}.`, terminalSafe(withArtist && t.artist ? `${t.artist} - ${t.name}` : t.name), String(t.plays), String(t.minutes)]),
            [0, 2, 3],
            width,
          ),
        ];
  lines.push(
    ...table('TOP SONGS', stats.top_songs, true),
    ...table('TOP ARTISTS', stats.top_artists, false),
    ...table('TOP ALBUMS', stats.top_albums, true),
    ...table('TOP GENRES', stats.top_genres, false),
    '',
    'MINUTES PER MONTH',
    monthChart(stats.months, width, plain),
    '',
    'LISTENING CLOCK (plays by hour of day)',
    clockHeatMap(stats.clock, plain),
  );
  return lines.join('\n');
}
