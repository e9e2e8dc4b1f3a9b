import type { Command } from 'commander';
import { TunesError } from '../../errors.js';
import { emit, terminalWidth, withJson, type JsonOption } from '../output.js';
import { canPrompt, confirm } from '../prompt.js';
import type { CliRuntime } from '../runtime.js';
import { withUser } from './current-user.js';
import { registerPlaylistEditCommands } from './playlist-edit.js';
import { presentPlaylist, presentPlaylistDetail } from '../present/playlist.js';
import { formatDuration, formatTime, plural, renderTable, titleCell } from './playlist-render.js';
import { registerPlaylistTransferCommands } from './playlist-transfer.js';
import { SMART_SORTS } from '../../domain/smart-rules.js';
import { wholeNumber } from '../parse-number.js';

interface SmartOptions {
  rules?: string;
  sort?: string;
  limit?: number;
}

export function registerPlaylistCommands(program: Command, runtime: CliRuntime): void {
  const playlist = program
    .command('playlist')
    .description('create, fill, reorder, export and import your playlists (<playlist> is a name or an id)');

  withJson(
    playlist
      .command('create')
      .description('create an empty playlist, or a smart one with --rules')
      .argument('<name>', '1-100 characters; unique among your playlists, ignoring case')
      .option('--description <text>', 'a line about the playlist')
      .option('--rules <rules>', 'a smart playlist: songs matching these rules, e.g. \'genre:jazz year:<1970 liked\' (README: Smart playlists)')
      .option('--sort <field>', `order of a smart playlist: ${SMART_SORTS.join(', ')} ("-field" descending)`)
      .option('--limit <n>', 'at most this many songs in a smart playlist', wholeNumber('--limit')),
  ).action(async (name: string, options: JsonOption & SmartOptions & { description?: string }) => {
    const { services, user } = await withUser(runtime);
    if (options.rules === undefined && (options.sort !== undefined || options.limit !== undefined)) {
      throw new TunesError('usage', '--sort and --limit are for smart playlists', 'add --rules \'...\'');
    }
    const created = await services.playlists.create(user.id, name, { description: options.description, rules: options.rules, sort: options.sort, limit: options.limit });
    emit(runtime, options, presentPlaylist(created), (p) =>
      p.rules === null ? `Created playlist "${p.name}" (id ${p.id})` : `Created smart playlist "${p.name}" (id ${p.id}): ${plural(p.song_count, 'song')} match now`,
    );
  });

  withJson(
    playlist
      .command('rules')
      .description("change a smart playlist's rules (or make an empty playlist smart)")
      .argument('<playlist>')
      .argument('<rules>', "e.g. 'genre:jazz -genre:christmas (liked or plays:>3)'")
      .option('--sort <field>', `${SMART_SORTS.join(', ')} ("-field" descending)`)
      .option('--limit <n>', 'at most this many songs', wholeNumber('--limit')),
  ).action(async (ref: string, rules: string, options: JsonOption & SmartOptions) => {
    const { services, user } = await withUser(runtime);
    const changed = await services.playlists.setRules(user.id, ref, { rules, sort: options.sort, limit: options.limit });
    emit(runtime, options, presentPlaylist(changed), (p) => `"${p.name}" now holds songs matching ${p.rules || 'anything'}: ${plural(p.song_count, 'song')}`);
  });

  withJson(
    playlist
      .command('list')
      .description('your playlists with song count, length and last change')
      .option('--no-built-ins', 'only your own playlists, without the smart ones every user has (Recently added, Most played, Never played, Forgotten favourites)'),
  ).action(
    async (options: JsonOption & { builtIns?: boolean }) => {
      const { services, user } = await withUser(runtime);
      const list = (await services.playlists.list(user.id, { builtIns: options.builtIns !== false })).map(presentPlaylist);
      emit(runtime, options, list, (rows) =>
        rows.length === 0
          ? 'No playlists yet; create one with `tunes playlist create <name>`'
          : renderTable(
              ['ID', 'NAME', 'SONGS', 'LENGTH', 'UPDATED'],
              rows.map((p) => [String(p.id), p.name, String(p.song_count), formatDuration(p.duration_ms), formatTime(p.updated_at)]),
              [0, 2, 3],
              terminalWidth(runtime),
            ),
      );
    },
  );

  withJson(playlist.command('show').description('the songs of a playlist, in order').argument('<playlist>')).action(
    async (ref: string, options: JsonOption) => {
      const { services, user } = await withUser(runtime);
      const detail = await services.playlists.show(user.id, ref);
      const { playlist: p, entries } = detail;
      emit(runtime, options, presentPlaylistDetail(detail), () => {
        const head = `${p.name} (id ${p.id}) · ${plural(p.song_count, 'song')} · ${formatDuration(p.duration_ms)}`;
        const lines = [head];
        if (p.description) lines.push(p.description);
        if (p.rules !== null) lines.push(`smart: ${p.rules || '(every song)'}${p.rules_sort ? ` · sort ${p.rules_sort}` : ''}${p.rules_limit ? ` · limit ${p.rules_limit}` : ''}`);
        if (entries.length === 0) lines.push(p.rules === null ? '(empty; add songs with `tunes playlist add`)' : '(no song matches the rules now)');
        else
          lines.push(
            renderTable(
              ['#', 'ID', 'TITLE', 'ARTIST', 'ALBUM', 'LENGTH'],
              entries.map((e) => [
                String(e.position),
                String(e.song.id),
                titleCell(e.song, e.available),
                e.song.artist,
                e.song.album,
                formatDuration(e.song.duration_ms),
              ]),
              [0, 1, 5],
              terminalWidth(runtime),
            ),
          );
        return lines.join('\n');
      });
    },
  );

  withJson(
    playlist.command('rename').description('rename a playlist').argument('<playlist>').argument('<new-name>'),
  ).action(async (ref: string, newName: string, options: JsonOption) => {
    const { services, user } = await withUser(runtime);
    const before = await services.playlists.get(user.id, ref);
    const after = await services.playlists.rename(user.id, { id: before.id }, newName);
    emit(runtime, options, presentPlaylist(after), (p) => `Renamed "${before.name}" to "${p.name}"`);
  });

  withJson(
    playlist
      .command('delete')
      .description('delete a playlist (asks first on a terminal)')
      .argument('<playlist>')
      .option('-y, --yes', 'delete without asking'),
  ).action(async (ref: string, options: JsonOption & { yes?: boolean }) => {
    const { services, user } = await withUser(runtime);
    const target = await services.playlists.get(user.id, ref);
    if (!options.yes) {
      if (!canPrompt(runtime)) {
        throw new TunesError('usage', `not deleting "${target.name}" without confirmation`, 'pass --yes to delete without asking');
      }
      if (!(await confirm(runtime, `Delete playlist "${target.name}" (${plural(target.song_count, 'song')})?`))) {
        throw new TunesError('usage', `cancelled; "${target.name}" was not deleted`);
      }
    }
    const deleted = await services.playlists.delete(user.id, { id: target.id });
    emit(runtime, options, presentPlaylist(deleted), (p) => `Deleted playlist "${p.name}" (${plural(p.song_count, 'song')})`);
  });

  registerPlaylistEditCommands(playlist, runtime);
  registerPlaylistTransferCommands(playlist, runtime);
}
