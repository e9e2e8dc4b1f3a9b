import type { Command } from 'commander';
import type { AlbumSort } from '../../domain/album.js';
import { TunesError } from '../../errors.js';
import { ALBUM_SORTS } from '../../services/browse/browse-service.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { renderAlbumDetail, renderAlbumTable, renderArtistDetail, renderArtistTable } from '../format/album-tables.js';
import { emit, terminalWidth, withJson, type JsonOption } from '../output.js';
import { wholeNumber } from '../parse-number.js';
import { presentAlbum, presentAlbumDetail, presentArtist, presentArtistDetail } from '../present/album.js';
import type { CliRuntime } from '../runtime.js';

interface PageOptions extends JsonOption {
  limit?: number;
  page?: number;
}

interface AlbumsOptions extends PageOptions {
  artist?: string;
  sort?: AlbumSort;
}

const DEFAULT_LIMIT = 100;

export function registerAlbumCommands(program: Command, runtime: CliRuntime): void {
  const albums = withJson(
    program
      .command('albums')
      .description('list albums (one per title and album artist), by name')
      .option('--artist <name>', 'albums by this album artist, or with tracks by this artist (any case or accents)')
      .option('--sort <order>', `order by ${ALBUM_SORTS.join('|')} (year: oldest first; added: newest first)`, parseAlbumSort)
      .option('--limit <n>', `albums per page (default ${DEFAULT_LIMIT})`, wholeNumber('--limit'))
      .option('--page <n>', 'page number, from 1', wholeNumber('--page')),
  ).action(async (options: AlbumsOptions) => {
    const { browse } = await runtime.services();
    const { limit, offset } = pageOf(options);
    const list = await browse.albums({ artist: options.artist, sort: options.sort, limit: limit + 1, offset });
    const shown = list.slice(0, limit);
    emit(runtime, options, shown.map(presentAlbum), () => {
      if (shown.length === 0) return options.artist ? `No albums by "${terminalSafe(options.artist)}".` : 'No albums.';
      const table = renderAlbumTable(shown, terminalWidth(runtime));
      return list.length > limit ? `${table}\nmore: --page ${(options.page ?? 1) + 1}` : table;
    });
  });

  withJson(albums.command('show').description('an album and its songs in disc and track order').argument('<id>', 'album id')).action(
    async (id: string, _options: JsonOption, command: Command) => {
      const detail = await (await runtime.services()).browse.album(wholeNumber('album id')(id));
      emit(runtime, command.optsWithGlobals<JsonOption>(), presentAlbumDetail(detail), () => renderAlbumDetail(detail, terminalWidth(runtime)));
    },
  );

  const artists = withJson(
    program
      .command('artists')
      .description('list album artists, by name')
      .option('--limit <n>', `artists per page (default ${DEFAULT_LIMIT})`, wholeNumber('--limit'))
      .option('--page <n>', 'page number, from 1', wholeNumber('--page')),
  ).action(async (options: PageOptions) => {
    const { browse } = await runtime.services();
    const { limit, offset } = pageOf(options);
    const list = await browse.artists({ limit: limit + 1, offset });
    const shown = list.slice(0, limit);
    emit(runtime, options, shown.map(presentArtist), () => {
      if (shown.length === 0) return 'No artists.';
      const table = renderArtistTable(shown, terminalWidth(runtime));
      return list.length > limit ? `${table}\nmore: --page ${(options.page ?? 1) + 1}` : table;
    });
  });

  withJson(
    artists.command('show').description("an artist's albums, and the albums by others they appear on").argument('<id>', 'artist id'),
  ).action(async (id: string, _options: JsonOption, command: Command) => {
    const detail = await (await runtime.services()).browse.artist(wholeNumber('artist id')(id));
    emit(runtime, command.optsWithGlobals<JsonOption>(), presentArtistDetail(detail), () => renderArtistDetail(detail, terminalWidth(runtime)));
  });
}

function pageOf(options: PageOptions): { limit: number; offset: number } {
  const limit = options.limit ?? DEFAULT_LIMIT;
  if (limit < 1 || limit > 999) throw new TunesError('invalid_input', '--limit must be from 1 to 999');
  const page = options.page ?? 1;
  if (page < 1) throw new TunesError('invalid_input', '--page must be 1 or more');
  return { limit, offset: (page - 1) * limit };
}

function parseAlbumSort(value: string): AlbumSort {
  if ((ALBUM_SORTS as readonly string[]).includes(value)) return value as AlbumSort;
  throw new TunesError('invalid_input', `--sort must be one of ${ALBUM_SORTS.join(', ')}`);
}
