import type { Command } from 'commander';
import { emit, withJson, type JsonOption } from '../output.js';
import { wholeNumber } from '../parse-number.js';
import { formatClock } from '../play/status-line.js';
import { presentHistoryEntry } from '../present/listening.js';
import type { CliRuntime } from '../runtime.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { withUser } from './current-user.js';
import { formatTime } from './playlist-render.js';

interface HistoryOptions extends JsonOption {
  limit?: number;
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

}
