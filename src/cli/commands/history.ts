import type { Command } from 'commander';
import type { ListeningStats } from '../../domain/history.js';
import { emit, terminalWidth, withJson, type JsonOption } from '../output.js';
import { wholeNumber } from '../parse-number.js';
import { formatClock } from '../play/status-line.js';
import { presentHistoryEntry, presentStats } from '../present/listening.js';
import type { CliRuntime } from '../runtime.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { withUser } from './current-user.js';
import { formatTime, plural, renderTable } from './playlist-render.js';

interface HistoryOptions extends JsonOption {
  limit?: number;
}

interface StatsOptions extends JsonOption {
  since?: string;
}

export function registerHistoryCommands(program: Command, runtime: CliRuntime): void {
  withJson(
    program
      .command('history')
      .description('what you listened to, newest first (a song counts after 30 s or half its length)')
      .option('--limit <n>', 'how many plays to show (default 20)', wholeNumber('--limit')),
  ).action(async (options: HistoryOptions) => {
    const { services, user } = await withUser(runtime);
    const plays = await services.history.recent(user.id, { limit: options.limit ?? 20 });
    emit(runtime, options, plays.map(presentHistoryEntry), () =>
      plays.length === 0
        ? 'No listening history yet. Play something with: tunes play'
        : plays.map((p) => `${formatTime(p.started_at)}  ${terminalSafe(`${p.song.artist} - ${p.song.title}`)}  (${formatClock(p.ms_played)} played)`).join('\n'),
    );
  });

  withJson(
    program
      .command('stats')
      .description('your top songs and artists and total listening time')
      .option('--since <date>', 'only plays from this date on, e.g. 2026-01-01'),
  ).action(async (options: StatsOptions) => {
    const { services, user } = await withUser(runtime);
    const stats = await services.history.stats(user.id, { since: options.since });
    emit(runtime, options, presentStats(stats), () => renderStats(stats, terminalWidth(runtime)));
  });
}

function renderStats(stats: ListeningStats, width: number): string {
  const period = stats.since ? `since ${formatTime(stats.since).slice(0, 10)}` : 'all time';
  if (stats.plays === 0) return `No plays ${period}.`;
  const rank = (i: number) => `${i + 1}.`;
  return [
    `Listening ${period}: ${plural(stats.plays, 'play')}, ${formatDuration(stats.ms_played)}`,
    '',
    renderTable(['#', 'TOP SONGS', 'PLAYS'], stats.top_songs.map((s, i) => [rank(i), `${s.song.artist} - ${s.song.title}`, String(s.plays)]), [0, 2], width),
    '',
    renderTable(
      ['#', 'TOP ARTISTS', 'PLAYS', 'TIME'],
      stats.top_artists.map((a, i) => [rank(i), a.artist, String(a.plays), formatDuration(a.ms_played)]),
      [0, 2, 3],
      width,
    ),
  ].join('\n');
}

function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return `${Math.round(ms / 1000)} s`;
  const h = Math.floor(minutes / 60);
  return h > 0 ? `${h} h ${minutes % 60} min` : `${minutes} min`;
}
