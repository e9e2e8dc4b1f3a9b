import type { PlayerCommand } from '../../../../domain/player-command.js';
import type { HostQueue } from '../../../../domain/player-state.js';
import { Ack, MpdAck } from '../ack.js';
import { integerArg, positionArg, rangeArg, unsignedArg } from '../arguments.js';
import { command, type CommandSpec, type MpdContext } from '../context.js';
import { matches } from '../filter-match.js';
import { songsAt } from '../library-songs.js';
import { parseFilterArgs } from '../song-filter.js';
import { songLines } from '../song-lines.js';
import { entryId } from './playback-commands.js';

/** How many songs one dispatch queues (the catalogue looks them up in one statement). */
const ADD_CHUNK = 5000;

/** The queue as MPD's "current playlist": positions are tunes' play order, ids its entry ids. */
export const QUEUE_COMMANDS: Record<string, CommandSpec> = {
  playlistinfo: command(0, 1, async (ctx, [which]) => {
    const queue = ctx.host.queue();
    const { start, end } = which === undefined || which === '-1' ? { start: 0, end: queue.entries.length } : rangeArg(which, queue.entries.length);
    return entryLines(ctx, queue, range(start, end));
  }),
  playlistid: command(0, 1, async (ctx, [id]) => {
    const queue = ctx.host.queue();
    if (id === undefined) return entryLines(ctx, queue, range(0, queue.entries.length));
    const wanted = integerArg(id);
    const at = queue.entries.findIndex((entry) => entry.entry_id === wanted);
    if (at < 0) throw new MpdAck(Ack.NO_EXIST, 'No such song');
    return entryLines(ctx, queue, [at]);
  }),
  playlist: command(0, 0, async (ctx) => {
    const uris = await ctx.uris();
    return ctx.host.queue().entries.map((entry, at) => `${at}:file: ${uris.uriOf(entry.song.path)}\n`).join('');
  }),
  plchanges: command(1, 2, async (ctx, [version, which]) => {
    const queue = ctx.host.queue();
    return entryLines(ctx, queue, changed(ctx, queue, version!, which));
  }),
  plchangesposid: command(1, 2, (ctx, [version, which]) => {
    const queue = ctx.host.queue();
    return changed(ctx, queue, version!, which).map((at) => `cpos: ${at}\nId: ${queue.entries[at]!.entry_id}\n`).join('');
  }),
  playlistfind: command(1, -1, (ctx, args) => queueMatching(ctx, args, false)),
  playlistsearch: command(1, -1, (ctx, args) => queueMatching(ctx, args, true)),
  add: command(1, 2, async (ctx, [uri, position]) => void (await addSongs(ctx, uri!, position))),
  addid: command(1, 2, async (ctx, [uri, position]) => {
    const target = (await ctx.uris()).resolve(uri!);
    const song = target?.kind === 'path' ? await ctx.host.library.query.songByPath(target.path) : undefined;
    if (!song) throw new MpdAck(Ack.NO_EXIST, 'No such song');
    const ids = await addSongs(ctx, uri!, position);
    return `Id: ${ids[0]}\n`;
  }),
  delete: command(1, 1, async (ctx, [which]) => {
    const { start, end } = rangeArg(which!, ctx.host.state().queue_length);
    if (end > start) await dispatch(ctx, { type: 'queue-remove', indexes: range(start, end) });
  }),
  deleteid: command(1, 1, (ctx, [id]) => dispatch(ctx, { type: 'queue-remove', entry_ids: [entryId(ctx, id!)] })),
  move: command(2, 2, async (ctx, [which, to]) => {
    const length = ctx.host.state().queue_length;
    const { start, end } = rangeArg(which!, length);
    const target = unsignedArg(to!);
    if (target + (end - start) > length) throw new MpdAck(Ack.ARG, `Number too large: ${to}`);
    await moveRange(ctx, start, end, target);
  }),
  moveid: command(2, 2, async (ctx, [id, to]) => {
    const from = indexOfEntry(ctx.host.queue(), entryId(ctx, id!));
    await moveRange(ctx, from, from + 1, positionArg(to!, ctx.host.state().queue_length));
  }),
  swap: command(2, 2, (ctx, [a, b]) => {
    const length = ctx.host.state().queue_length;
    return swap(ctx, positionArg(a!, length), positionArg(b!, length));
  }),
  swapid: command(2, 2, (ctx, [a, b]) => {
    const queue = ctx.host.queue();
    return swap(ctx, indexOfEntry(queue, entryId(ctx, a!)), indexOfEntry(queue, entryId(ctx, b!)));
  }),
  clear: command(0, 0, (ctx) => dispatch(ctx, { type: 'queue-clear' })),
  shuffle: command(0, 1, async (ctx, [which]) => {
    const length = ctx.host.state().queue_length;
    const { start, end } = which === undefined ? { start: 0, end: length } : rangeArg(which, length);
    // Fisher-Yates by moves: each place in turn takes a random one of the songs not yet placed.
    for (let at = start; at < end - 1; at += 1) {
      const pick = at + Math.floor(Math.random() * (end - at));
      if (pick !== at) await dispatch(ctx, { type: 'queue-move', from: pick, to: at });
    }
  }),
};

async function dispatch(ctx: MpdContext, playerCommand: PlayerCommand): Promise<void> {
  await ctx.host.dispatch(playerCommand);
}

const range = (start: number, end: number) => Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i);

async function entryLines(ctx: MpdContext, queue: HostQueue, positions: number[]): Promise<string> {
  const uris = await ctx.uris();
  let out = '';
  for (const at of positions) {
    const entry = queue.entries[at]!;
    out += songLines(entry.song, uris, ctx.tags) + `Pos: ${at}\nId: ${entry.entry_id}\n`;
  }
  return out;
}

function changed(ctx: MpdContext, queue: HostQueue, version: string, which: string | undefined): number[] {
  const positions = ctx.versions.changedSince(integerArg(version), queue);
  if (which === undefined) return positions;
  const { start, end } = rangeArg(which, queue.entries.length);
  return positions.filter((at) => at >= start && at < end);
}

async function queueMatching(ctx: MpdContext, args: string[], fold: boolean): Promise<string> {
  const filter = parseFilterArgs(args, fold);
  const queue = ctx.host.queue();
  const uris = await ctx.uris();
  return entryLines(ctx, queue, range(0, queue.entries.length).filter((at) => matches(filter, queue.entries[at]!.song, uris)));
}

function indexOfEntry(queue: HostQueue, id: number): number {
  return queue.entries.findIndex((entry) => entry.entry_id === id);
}

/** Queues the file or every song under the folder, at the end or at POS ("N", "+N" after the current song, "-N" before it); answers the new entries' ids. */
async function addSongs(ctx: MpdContext, uri: string, position: string | undefined): Promise<number[]> {
  const songs = await songsAt(ctx, uri);
  const before = ctx.host.state();
  const target = position === undefined ? undefined : insertPosition(position, before.queue_index, before.queue_length);
  const known = new Set(ctx.host.queue().entries.map((entry) => entry.entry_id));
  for (let at = 0; at < songs.length; at += ADD_CHUNK) {
    const song_ids = songs.slice(at, at + ADD_CHUNK).map((song) => song.id);
    await dispatch(ctx, { type: 'queue-add', selection: { song_ids }, placement: 'end' });
  }
  const added = ctx.host.queue().entries.filter((entry) => !known.has(entry.entry_id)).map((entry) => entry.entry_id);
  if (target !== undefined && target < before.queue_length) {
    const length = ctx.host.state().queue_length;
    await moveRange(ctx, length - added.length, length, target);
  }
  return added;
}

function insertPosition(text: string, current: number, length: number): number {
  const relative = text.startsWith('+') || text.startsWith('-');
  if (relative && current < 0) throw new MpdAck(Ack.ARG, 'No current song');
  const value = relative ? current + (text.startsWith('+') ? 1 : 0) + integerArg(text) : unsignedArg(text);
  if (value < 0 || value > length) throw new MpdAck(Ack.ARG, 'Bad song index');
  return value;
}

/** Moves [start, end) so that it begins at `to` (a position in the queue as it is afterwards). */
async function moveRange(ctx: MpdContext, start: number, end: number, to: number): Promise<void> {
  const count = end - start;
  if (to === start || count === 0) return;
  for (let i = 0; i < count; i += 1) {
    if (to < start) await dispatch(ctx, { type: 'queue-move', from: start + i, to: to + i });
    else await dispatch(ctx, { type: 'queue-move', from: start, to: to + count - 1 });
  }
}

async function swap(ctx: MpdContext, a: number, b: number): Promise<void> {
  if (a === b) return;
  const [low, high] = a < b ? [a, b] : [b, a];
  await dispatch(ctx, { type: 'queue-move', from: low, to: high });
  await dispatch(ctx, { type: 'queue-move', from: high - 1, to: low });
}
