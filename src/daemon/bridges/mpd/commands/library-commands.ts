import { basename } from 'node:path';
import type { Song } from '../../../../domain/song.js';
import type { TagField } from '../../../../domain/tag-query.js';
import { Ack, MpdAck, oneLine } from '../ack.js';
import { rangeArg } from '../arguments.js';
import { MAX_TAG_VALUES } from '../../../../services/library-query/library-query-service.js';
import { command, type CommandSpec, type MpdContext } from '../context.js';
import { findSongs, MAX_SONGS_PER_REPLY, songsAt } from '../library-songs.js';
import { playlistEntries } from './playlist-commands.js';
import type { LibraryUris } from '../library-uris.js';
import { parseFilterArgs } from '../song-filter.js';
import { isoSeconds, songLines } from '../song-lines.js';
import { tagNamed, type MpdTag } from '../tags.js';

/** Song ids one slice of a whole-library `list` reads (a primary-key range: ~10 ms at 1M songs). */
const TAG_SLICE_SONGS = 20_000;
const byName = new Intl.Collator(undefined, { sensitivity: 'base' });

/** Entries of a folder read at once (about 20 ms of index seeks at 1M songs) before others get a turn. */
const FOLDER_SLICE = 500;

/** The player and other clients get a turn (SQLite answers synchronously: awaiting it alone lets nothing else run). */
export const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The library: folders (lsinfo, listall), finding songs by their tags, tag values and counts. */
export const LIBRARY_COMMANDS: Record<string, CommandSpec> = {
  lsinfo: command(0, 1, (ctx, [uri]) => listFolder(ctx, uri ?? '', 'info')),
  listfiles: command(0, 1, (ctx, [uri]) => listFolder(ctx, uri ?? '', 'files')),
  listall: command(0, 1, (ctx, [uri]) => listRecursively(ctx, uri ?? '', false)),
  listallinfo: command(0, 1, (ctx, [uri]) => listRecursively(ctx, uri ?? '', true)),
  find: command(1, -1, (ctx, args) => findCommand(ctx, args, false)),
  search: command(1, -1, (ctx, args) => findCommand(ctx, args, true)),
  findadd: command(1, -1, (ctx, args) => findAndQueue(ctx, args, false)),
  searchadd: command(1, -1, (ctx, args) => findAndQueue(ctx, args, true)),
  count: command(1, -1, async (ctx, args) => {
    const { filterArgs, group } = splitGroup(args);
    const { songs } = await findSongs(ctx, parseFilterArgs(filterArgs, false));
    if (!group) return countLines(songs);
    const groups = new Map<string, Song[]>();
    for (const song of songs) {
      const value = group.value(song) ?? '';
      groups.set(value, [...(groups.get(value) ?? []), song]);
    }
    return [...groups].map(([value, members]) => `${group.name}: ${oneLine(value)}\n${countLines(members)}`).join('');
  }),
  list: command(1, -1, listCommand),
  // Every library folder is checked (a scan skips files that did not change, so rescan is the same):
  // what a URI names is in the library within seconds anyway while the folders are watched.
  update: command(0, 1, (ctx, [uri]) => updateCommand(ctx, uri)),
  rescan: command(0, 1, (ctx, [uri]) => updateCommand(ctx, uri)),
  readcomments: command(1, 1, async (ctx, [uri]) => void (await songsAt(ctx, uri!))),
  albumart: command(2, 2, () => {
    throw new MpdAck(Ack.NO_EXIST, 'No file exists');
  }),
  readpicture: command(2, 2, () => undefined),
};

async function updateCommand(ctx: MpdContext, uri: string | undefined): Promise<string> {
  if (!ctx.library) throw new MpdAck(Ack.SYSTEM, 'this player does not scan; run: tunes library scan');
  if (uri !== undefined && !(await ctx.uris()).resolve(uri)) throw new MpdAck(Ack.NO_EXIST, 'Malformed path');
  return `updating_db: ${await ctx.library.update()}\n`;
}

async function listFolder(ctx: MpdContext, uri: string, style: 'info' | 'files'): Promise<string> {
  const uris = await ctx.uris();
  const target = uris.resolve(uri);
  if (!target) throw new MpdAck(Ack.NO_EXIST, 'No such directory');
  if (target.kind === 'top') {
    const folders = uris.roots.map((root) => `directory: ${oneLine(root.name)}\n`).join('');
    // MPD lists the stored playlists at the top too (mpc lsplaylists reads them there).
    return style === 'info' ? folders + (await playlistEntries(ctx)) : folders;
  }
  const song = await ctx.host.library.query.songByPath(target.path);
  if (song) return style === 'info' ? songLines(song, uris, ctx.tags) : fileLine(song, uris);
  // A slice at a time, letting other clients (and the player) run between slices: a library folder of
  // 100,000 album folders is one index seek per entry, seconds in all, and must not stall `status`.
  let out = '';
  let entries = 0;
  let songCount = 0;
  for (let from: string | undefined; ; ) {
    const slice = await ctx.host.library.query.folderSlice(target.path, from, FOLDER_SLICE);
    entries += slice.folders.length + slice.songs.length;
    songCount += slice.songs.length;
    if (songCount > MAX_SONGS_PER_REPLY) throw new MpdAck(Ack.SYSTEM, `${uri} holds more than ${MAX_SONGS_PER_REPLY} songs of its own`);
    for (const path of slice.folders) out += `directory: ${oneLine(style === 'info' ? uris.uriOf(path) : basename(path))}\n`;
    for (const s of slice.songs) out += style === 'info' ? songLines(s, uris, ctx.tags) : fileLine(s, uris);
    if (slice.next === undefined) break;
    from = slice.next;
    await yieldToOthers();
  }
  if (entries === 0 && target.path !== target.root.path) throw new MpdAck(Ack.NO_EXIST, 'No such directory');
  return out;
}

function fileLine(song: Song, uris: LibraryUris): string {
  return `file: ${oneLine(basename(uris.uriOf(song.path)))}\nsize: ${song.size}\nLast-Modified: ${isoSeconds(song.mtime_ms)}\n`;
}

/** Every folder and song under the URI: folders named as they first appear, then their songs. */
async function listRecursively(ctx: MpdContext, uri: string, info: boolean): Promise<string> {
  const songs = await songsAt(ctx, uri);
  const uris = await ctx.uris();
  const seen = new Set<string>();
  let out = '';
  for (const song of songs) {
    const songUri = uris.uriOf(song.path);
    const parts = songUri.split('/');
    for (let depth = 1; depth < parts.length; depth += 1) {
      const folder = parts.slice(0, depth).join('/');
      if (!seen.has(folder)) {
        seen.add(folder);
        out += `directory: ${oneLine(folder)}\n`;
      }
    }
    out += info ? songLines(song, uris, ctx.tags) : `file: ${oneLine(songUri)}\n`;
  }
  return out;
}

/** `find`/`search` FILTER [sort TAG] [window START:END]. */
async function findCommand(ctx: MpdContext, args: string[], fold: boolean): Promise<string> {
  const { filterArgs, sort, window } = splitOptions(args);
  const { songs, uris } = await findSongs(ctx, parseFilterArgs(filterArgs, fold));
  if (sort) sortSongs(songs, sort);
  const { start, end } = window ? rangeArg(window, songs.length) : { start: 0, end: songs.length };
  return songs.slice(start, end).map((song) => songLines(song, uris, ctx.tags)).join('');
}

async function findAndQueue(ctx: MpdContext, args: string[], fold: boolean): Promise<void> {
  const { filterArgs } = splitOptions(args);
  const { songs } = await findSongs(ctx, parseFilterArgs(filterArgs, fold));
  if (songs.length > 0) await ctx.host.dispatch({ type: 'queue-add', selection: { song_ids: songs.map((s) => s.id) }, placement: 'end' });
}

function splitOptions(args: string[]): { filterArgs: string[]; sort?: { tag: MpdTag; descending: boolean }; window?: string } {
  const filterArgs = [...args];
  const result: { filterArgs: string[]; sort?: { tag: MpdTag; descending: boolean }; window?: string } = { filterArgs };
  while (filterArgs.length >= 3 && ['sort', 'window'].includes(filterArgs.at(-2)!.toLowerCase())) {
    const value = filterArgs.pop()!;
    if (filterArgs.pop()!.toLowerCase() === 'window') result.window = value;
    else {
      const descending = value.startsWith('-');
      const tag = tagNamed(descending ? value.slice(1) : value);
      if (!tag) throw new MpdAck(Ack.ARG, `Unknown sort tag: ${value}`);
      result.sort = { tag, descending };
    }
  }
  return result;
}

function sortSongs(songs: Song[], { tag, descending }: { tag: MpdTag; descending: boolean }): void {
  const numeric = tag.field === 'year' || tag.field === 'track_no' || tag.field === 'disc_no';
  songs.sort((a, b) => {
    const [x, y] = [tag.value(a) ?? '', tag.value(b) ?? ''];
    const order = numeric ? Number(x || 0) - Number(y || 0) : x.localeCompare(y);
    return descending ? -order : order;
  });
}

function splitGroup(args: string[]): { filterArgs: string[]; group?: MpdTag } {
  const at = args.findIndex((arg) => arg.toLowerCase() === 'group');
  if (at < 0) return { filterArgs: args };
  const tag = tagNamed(args[at + 1] ?? '');
  if (!tag || at + 2 !== args.length) throw new MpdAck(Ack.ARG, 'Group tag expected');
  return { filterArgs: args.slice(0, at), group: tag };
}

function countLines(songs: Song[]): string {
  const seconds = Math.round(songs.reduce((sum, song) => sum + (song.duration_ms ?? 0), 0) / 1000);
  return `songs: ${songs.length}\nplaytime: ${seconds}\n`;
}

/**
 * `list TAG [FILTER] [group TAG]...`: the distinct values, each group's value printed when it
 * changes (MPD's layout: "AlbumArtist: X" then its "Album:" lines). Without a filter the database
 * groups them; with one, the songs found do. `list album ARTIST` (the oldest form) filters by artist.
 */
async function listCommand(ctx: MpdContext, args: string[]): Promise<string> {
  const [name, ...rest] = args;
  if (name!.toLowerCase() === 'file') return listFiles(ctx, rest);
  const tag = knownTag(name!);
  const groups: MpdTag[] = [];
  while (rest.length >= 2 && rest.at(-2)!.toLowerCase() === 'group') {
    groups.unshift(knownTag(rest.pop()!));
    rest.pop();
  }
  const filterArgs = rest.length === 1 && tag.name === 'Album' ? ['artist', rest[0]!] : rest;
  const tags = [...groups, tag];
  let rows: Array<Array<string | undefined>>;
  if (filterArgs.length === 0) {
    rows = await wholeLibraryTagValues(ctx, tags.map((t) => t.field as TagField));
  } else {
    const { songs } = await findSongs(ctx, parseFilterArgs(filterArgs, false));
    const unique = new Map<string, Array<string | undefined>>();
    for (const song of songs) {
      const row = tags.map((t) => t.value(song));
      unique.set(JSON.stringify(row), row);
    }
    rows = [...unique.values()].sort((a, b) => compareRows(a, b));
  }
  let out = '';
  let previous: Array<string | undefined> | undefined;
  for (const row of rows) {
    let groupChanged = previous === undefined;
    row.forEach((value, i) => {
      if (i < row.length - 1) {
        groupChanged ||= value !== previous![i];
        if (groupChanged) out += `${tags[i]!.name}: ${oneLine(value ?? '')}\n`;
      } else if (value !== undefined) {
        // A song with no value for the listed tag adds no line (MPD lists the values that exist).
        out += `${tags[i]!.name}: ${oneLine(value)}\n`;
      }
    });
    previous = row;
  }
  return out;
}

/**
 * The distinct values of `fields` over the whole library, in order, read a slice of song ids at a time
 * with a turn for others between slices (one query over a million songs held the player ~2 s).
 */
async function wholeLibraryTagValues(ctx: MpdContext, fields: TagField[]): Promise<Array<Array<string | undefined>>> {
  const unique = new Map<string, Array<string | number | null>>();
  // Album-level rows (with the album artist) are one per album whatever the case of its names.
  const caseOf = fields.includes('album_artist') ? (v: string | number | null) => (typeof v === 'string' ? v.toLowerCase() : v) : (v: string | number | null) => v;
  const add = (row: Array<string | number | null>) => {
    const key = JSON.stringify(row.map(caseOf));
    if (!unique.has(key)) unique.set(key, row);
  };
  const keep = () => [...unique.values()].sort(compareValues).slice(0, MAX_TAG_VALUES);
  for (let after: number | undefined = 0; after !== undefined; ) {
    const slice = await ctx.host.library.query.tagValuesSlice(fields, after, TAG_SLICE_SONGS);
    for (const row of slice.rows) add(row);
    // Only the first MAX_TAG_VALUES in order are listed: the rest can be let go as the walk goes on.
    if (unique.size > 2 * MAX_TAG_VALUES) {
      const kept = keep();
      unique.clear();
      kept.forEach(add);
    }
    after = slice.next;
    if (after !== undefined) await yieldToOthers();
  }
  return keep().map((row) => row.map((value) => (value === null || value === '' ? undefined : String(value))));
}

async function listFiles(ctx: MpdContext, filterArgs: string[]): Promise<string> {
  const { songs, uris } = filterArgs.length === 0 ? { songs: await songsAt(ctx, ''), uris: await ctx.uris() } : await findSongs(ctx, parseFilterArgs(filterArgs, false));
  return songs.map((song) => `file: ${oneLine(uris.uriOf(song.path))}\n`).join('');
}

function knownTag(name: string): MpdTag {
  const tag = tagNamed(name);
  if (!tag) throw new MpdAck(Ack.ARG, `Unknown tag type: ${name}`);
  return tag;
}

/** Numbers by value, text ignoring case (as the filtered `list` orders its rows). */
function compareValues(a: Array<string | number | null>, b: Array<string | number | null>): number {
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : byName.compare(String(x ?? ''), String(y ?? ''));
    if (order !== 0) return order;
  }
  return 0;
}

function compareRows(a: Array<string | undefined>, b: Array<string | undefined>): number {
  for (let i = 0; i < a.length; i += 1) {
    const order = (a[i] ?? '').localeCompare(b[i] ?? '', undefined, { sensitivity: 'base' });
    if (order !== 0) return order;
  }
  return 0;
}
