import type { Command } from 'commander';
import { TunesError } from '../../errors.js';
import type { Services } from '../../services/container.js';
import { MAX_PAGE_SIZE } from '../../services/catalog/catalog-service.js';
import { emit, note, withJson, type JsonOption } from '../output.js';
import type { CliRuntime } from '../runtime.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { parseInteger, parseIntegers } from '../parse-ids.js';
import { withUser } from './current-user.js';
import { presentPlaylistAdd, presentPlaylistMove, presentPlaylistRemove } from '../present/playlist.js';
import { formatDuration, plural } from './playlist-render.js';

interface AddOptions extends JsonOption {
  at?: string;
  search?: string;
  all?: boolean;
  folder?: string;
}

export function registerPlaylistEditCommands(playlist: Command, runtime: CliRuntime): void {
  withJson(
    playlist
      .command('add')
      .description('add songs by id (in the order given), or the best match of a search')
      .argument('<playlist>')
      .argument('[song-id...]')
      .option('--search <words>', 'add the best match for these words instead of ids')
      .option('--all', 'with --search: add every match, best first')
      .option('--folder <path>', 'add every song under this folder (see tunes folders), in path order')
      .option('--at <position>', 'insert at this position instead of at the end'),
  ).action(async (ref: string, songArgs: string[], options: AddOptions) => {
    const ids = checkAddSelection(songArgs, options);
    const at = options.at === undefined ? undefined : parseInteger(options.at, '--at position');
    const { services, user } = await withUser(runtime);
    const songIds =
      options.folder !== undefined
        ? await folderSongIds(services, options.folder)
        : options.search === undefined
          ? ids
          : await searchSongIds(services, options.search, options.all === true);
    const result = await services.playlists.addSongs(user.id, ref, songIds, at === undefined ? {} : { at });
    const p = result.playlist;
    for (const songId of result.already_present) note(runtime, `note: song ${songId} was already in "${p.name}"; added again`);
    emit(runtime, options, presentPlaylistAdd(result), ({ added }) => {
      const first = added[0]?.position ?? 0;
      const last = added[added.length - 1]?.position ?? 0;
      const where = first === last ? `position ${first}` : `positions ${first}-${last}`;
      return `Added ${plural(added.length, 'song')} to "${p.name}" at ${where} (now ${plural(p.song_count, 'song')}, ${formatDuration(p.duration_ms)})`;
    });
  });

  withJson(
    playlist
      .command('remove')
      .description('remove the songs at these positions')
      .argument('<playlist>')
      .argument('<position...>'),
  ).action(async (ref: string, positionArgs: string[], options: JsonOption) => {
    const positions = parseIntegers(positionArgs, 'position');
    const { services, user } = await withUser(runtime);
    const result = await services.playlists.removePositions(user.id, ref, positions);
    const { playlist: p, removed } = result;
    emit(runtime, options, presentPlaylistRemove(result), () => {
      const lines = [`Removed ${plural(removed.length, 'song')} from "${p.name}" (now ${plural(p.song_count, 'song')})`];
      for (const e of removed) lines.push(`  ${e.position}. ${terminalSafe(`${e.song.artist} - ${e.song.title}`)}`);
      return lines.join('\n');
    });
  });

  withJson(
    playlist
      .command('move')
      .description('move the song at one position to another')
      .argument('<playlist>')
      .argument('<from>')
      .argument('<to>'),
  ).action(async (ref: string, fromArg: string, toArg: string, options: JsonOption) => {
    const from = parseInteger(fromArg, 'position');
    const to = parseInteger(toArg, 'position');
    const { services, user } = await withUser(runtime);
    const result = await services.playlists.move(user.id, ref, from, to);
    const { playlist: p, entry } = result;
    emit(runtime, options, presentPlaylistMove(result, from, to), () => `Moved "${terminalSafe(entry.song.title)}" from ${from} to ${to} in "${p.name}"`);
  });
}

function checkAddSelection(songArgs: string[], options: AddOptions): number[] {
  if (options.folder !== undefined) {
    if (songArgs.length > 0 || options.search !== undefined) throw new TunesError('usage', 'give song ids, --search or --folder, one of them');
    return [];
  }
  if (options.search !== undefined) {
    if (songArgs.length > 0) throw new TunesError('usage', 'give song ids or --search, not both');
    if (options.search.trim() === '') throw new TunesError('invalid_input', '--search needs some words');
    return [];
  }
  if (options.all) throw new TunesError('usage', '--all only goes with --search');
  if (songArgs.length === 0) throw new TunesError('usage', 'give at least one song id, or --search "words"');
  return parseIntegers(songArgs, 'song id');
}

async function folderSongIds(services: Services, folder: string): Promise<number[]> {
  const songs = await services.folders.songsUnder(folder);
  if (songs.length === 0) throw new TunesError('not_found', `no songs under ${folder}`);
  return songs.map((s) => s.id);
}

/** The best match, or with `all` every match (best first), from the catalogue search. */
async function searchSongIds(services: Services, words: string, all: boolean): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | undefined;
  do {
    const page = await services.catalog.listSongs({ query: words, limit: all ? MAX_PAGE_SIZE : 1, cursor });
    ids.push(...page.songs.map((s) => s.id));
    cursor = page.nextCursor ?? undefined;
  } while (all && cursor !== undefined);
  if (ids.length === 0) throw new TunesError('not_found', `no song matches "${words.trim()}"`, 'try fewer or shorter words');
  return ids;
}
