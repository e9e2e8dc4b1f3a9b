import type { Command } from 'commander';
import { TunesError } from '../../errors.js';
import type { PrunePlan } from '../../domain/library.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { emit, note, withJson, type JsonOption } from '../output.js';
import { presentPrunePlan } from '../present/library.js';
import { canPrompt, confirm } from '../prompt.js';
import type { CliRuntime } from '../runtime.js';
import { formatTime, plural } from './playlist-render.js';

interface PruneOptions extends JsonOption {
  yes?: boolean;
  dryRun?: boolean;
}

/** How many of the songs to be deleted a question shows before "and N more". */
const SHOWN = 10;

/**
 * `tunes library prune`: deleting songs takes them out of playlists and likes for good, so it first
 * says what goes (and what that costs the user), asks on a terminal and needs --yes otherwise.
 */
export function registerPruneCommand(library: Command, runtime: CliRuntime): void {
  withJson(
    library
      .command('prune')
      .description('delete songs whose files are missing (shows what goes, then asks)')
      .option('--yes', 'delete without asking')
      .option('--dry-run', 'only list what would be deleted'),
  ).action(async (options: PruneOptions) => {
    const services = await runtime.services();
    const actor = await services.session.currentUser();
    const plan = await services.library.planPrune(actor);
    if (options.dryRun || plan.songs.length === 0) {
      emit(runtime, options, presentPrunePlan(plan), () => (plan.songs.length === 0 ? 'Nothing to prune: no songs are missing.' : describePlan(plan, plan.songs.length)));
      return;
    }
    if (!options.yes) {
      if (!canPrompt(runtime)) {
        throw new TunesError('usage', `not deleting ${plural(plan.songs.length, 'missing song')} without confirmation`, 'see what would go with --dry-run; pass --yes to delete without asking');
      }
      note(runtime, describePlan(plan, SHOWN));
      if (!(await confirm(runtime, `Delete ${plan.songs.length === 1 ? 'this song' : `these ${plan.songs.length} songs`}?`))) {
        throw new TunesError('usage', 'cancelled; nothing was deleted');
      }
    }
    const { deleted } = await services.library.prune(actor, plan.songs.map((s) => s.id));
    emit(runtime, options, { ...presentPrunePlan(plan), deleted }, () => `Deleted ${plural(deleted, 'missing song')}${lossSummary(plan)}`);
  });
}

function describePlan(plan: PrunePlan, shown: number): string {
  const lines = [`${plural(plan.songs.length, 'song')} ${plan.songs.length === 1 ? 'is' : 'are'} missing (the file is gone) and would be deleted:`];
  for (const song of plan.songs.slice(0, shown)) {
    lines.push(`  ${terminalSafe(song.path)}  (${terminalSafe(song.artist)} – ${terminalSafe(song.title)}, missing since ${formatTime(song.missing_since)})`);
  }
  if (plan.songs.length > shown) lines.push(`  … and ${plan.songs.length - shown} more (see them all with --dry-run)`);
  for (const playlist of plan.your_playlists) lines.push(`Your playlist "${terminalSafe(playlist.name)}" would lose ${plural(playlist.entries_lost, 'song')}.`);
  if (plan.your_likes_lost > 0) lines.push(`You would lose ${plural(plan.your_likes_lost, 'liked song')}.`);
  const { others } = plan;
  if (others.users > 0) {
    lines.push(
      `${plural(others.users, 'other person')} would lose ${plural(others.entries_lost, 'playlist place')} in ${plural(others.playlists, 'playlist')}` +
        ` and ${plural(others.likes_lost, 'liked song')}.`,
    );
  }
  if (plan.your_playlists.length === 0 && plan.your_likes_lost === 0 && others.users === 0) lines.push('No playlist or like holds them.');
  return lines.join('\n');
}

function lossSummary(plan: PrunePlan): string {
  const entries = plan.your_playlists.reduce((n, p) => n + p.entries_lost, 0);
  const parts = [
    ...(entries > 0 ? [`${plural(entries, 'place')} in your playlists`] : []),
    ...(plan.your_likes_lost > 0 ? [`${plural(plan.your_likes_lost, 'like')} of yours`] : []),
  ];
  return parts.length > 0 ? ` (with ${parts.join(' and ')})` : '';
}
