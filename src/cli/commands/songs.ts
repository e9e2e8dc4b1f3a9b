import type { Command } from 'commander';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, SONG_SORTS, type SongPage, type SongSort } from '../../services/catalog/catalog-service.js';
import type { Services } from '../../services/container.js';
import { TunesError } from '../../errors.js';
import { renderSongDetails, renderSongTable } from '../format/song-table.js';
import { emit, terminalWidth, withJson, type JsonOption } from '../output.js';
import { presentSong } from '../present/song.js';
import { wholeNumber } from '../parse-number.js';
import { parseIntegers } from '../parse-ids.js';
import type { Song } from '../../domain/song.js';
import type { CliRuntime } from '../runtime.js';
import { plural } from './playlist-render.js';

interface SongsOptions extends JsonOption {
  artist?: string;
  album?: string;
  genre?: string;
  folder?: string;
  sort?: SongSort;
  limit?: number;
  page?: number;
}

const EMPTY_LIBRARY = 'The library is empty. Add music with: tunes library add <folder> (admins only)';

export function registerSongsCommands(program: Command, runtime: CliRuntime): void {
  const songs = withJson(
    program
      .command('songs')
      .description('list the library, or search it: every word matches as a prefix, best matches first')
      .argument('[query...]', 'words to search for in title, artist, album, album artist and genre')
      .option('--artist <name>', 'only songs by this artist (the whole name, any case or accents)')
      .option('--album <name>', 'only songs on this album (the whole name, any case or accents)')
      .option('--genre <name>', 'only songs of this genre (the whole name, any case or accents)')
      .option('--folder <path>', 'only songs under this folder (see tunes folders); in path order unless --sort')
      .option('--sort <order>', `order by ${SONG_SORTS.join('|')} (default: best match, or artist)`, parseSort)
      .option('--limit <n>', 'songs per page (default 50)', wholeNumber('--limit'))
      .option('--page <n>', 'page number, from 1', wholeNumber('--page')),
  ).action(async (words: string[], options: SongsOptions) => {
    const services = await runtime.services();
    const query = words.join(' ');
    const folder = options.folder === undefined ? undefined : await services.folders.resolve(options.folder);
    const listing = {
      folder,
      query: query === '' ? undefined : query,
      artist: options.artist,
      album: options.album,
      genre: options.genre,
      sort: options.sort,
      limit: options.limit,
      page: options.page,
    };
    // A folder on its own lists as the disk lays it out, in natural order (track2 before track10).
    const page =
      folder !== undefined && query === '' && options.sort === undefined && !options.artist && !options.album && !options.genre
        ? await folderPage(services, folder, options)
        : await services.catalog.listSongs(listing);
    const unfiltered = query === '' && !options.artist && !options.album && !options.genre && folder === undefined;
    const pageNumber = options.page ?? 1;
    const empty = page.songs.length === 0 && unfiltered && pageNumber === 1;
    const libraryEmpty = empty && (await services.catalog.countSongs()) === 0;
    const list = page.songs;
    // Past the last page: say where the last page is (counting is only paid for on this path).
    const total = list.length === 0 && pageNumber > 1 && !options.json ? await services.catalog.countMatching({ ...listing, page: undefined }) : 0;
    emit(runtime, options, list.map(presentSong), () => {
      if (libraryEmpty) return EMPTY_LIBRARY;
      if (total > 0) {
        const last = Math.ceil(total / (options.limit ?? DEFAULT_PAGE_SIZE));
        return `Page ${pageNumber} is past the end: ${plural(total, 'song')}, so the last page is ${last} (--page ${last}).`;
      }
      if (list.length === 0) return query === '' ? 'No songs match.' : `No songs match "${query}".`;
      const table = renderSongTable(list, terminalWidth(runtime));
      return page.nextCursor ? `${table}\nmore: --page ${(options.page ?? 1) + 1}` : table;
    });
  });

  withJson(
    songs
      .command('show')
      .description('print every field of songs (one JSON object for one id, an array for several)')
      .argument('<id...>', 'song ids'),
  ).action(async (ids: string[], _options: JsonOption, command: Command) => {
    const songIds = parseIntegers(ids, 'song id');
    const bad = songIds.findIndex((id) => id < 1);
    if (bad >= 0) throw new TunesError('invalid_input', `not a valid song id: ${ids[bad]!.trim()}`);
    const { catalog } = await runtime.services();
    const found: Song[] = [];
    for (const id of songIds) found.push(await catalog.getSong(id));
    const value = found.length === 1 ? presentSong(found[0]!) : found.map(presentSong);
    // `songs` has --json too, and commander gives a flag to the parent when both define it.
    emit(runtime, command.optsWithGlobals<JsonOption>(), value, () => found.map(renderSongDetails).join('\n\n'));
  });
}

function parseSort(value: string): SongSort {
  if ((SONG_SORTS as readonly string[]).includes(value)) return value as SongSort;
  throw new TunesError('invalid_input', `--sort must be one of ${SONG_SORTS.join(', ')}`);
}

/** One page of the songs under a folder, in natural path order. */
async function folderPage(services: Services, folder: string, options: SongsOptions): Promise<SongPage> {
  const limit = options.limit ?? DEFAULT_PAGE_SIZE;
  const page = options.page ?? 1;
  if (limit < 1 || limit > MAX_PAGE_SIZE) throw new TunesError('invalid_input', `--limit must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
  const all = await services.folders.songsUnder(folder);
  const songs = all.slice((page - 1) * limit, page * limit);
  return { songs, nextCursor: page * limit < all.length ? 'more' : null };
}
