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

export function registerPlaylistCommands(program: Command, runtime: CliRuntime): void {
  const playlist = program
    .command('playlist')
    .description('create, fill, reorder, export and import your playlists (<playlist> is a name or an id)');

  withJson(
    playlist
      .command('create')
      .description('create an empty playlist')
      .argument('<name>', '1-100 characters; unique among your playlists, ignoring case')
      .option('--description <text>', 'a line about the playlist'),
  ).action(async (name: string, options: JsonOption & { description?: string }) => {
    const { services, user } = await withUser(runtime);
    const created = await services.playlists.create(user.id, name, { description: options.description });
    emit(runtime, options, presentPlaylist(created), (p) => `Created playlist "${p.name}" (id ${p.id})`);
  });

  withJson(playlist.command('list').description('your playlists with song count, length and last change')).action(
    async (options: JsonOption) => {
      const { services, user } = await withUser(runtime);
      const list = (await services.playlists.list(user.id)).map(presentPlaylist);
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
        if (entries.length === 0) lines.push('(empty; add songs with `tunes playlist add`)');
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
