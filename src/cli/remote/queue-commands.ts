import type { SongSelection } from '../../domain/player-command.js';
import type { PlayerQueue } from '../../domain/player-state.js';
import { TunesError } from '../../errors.js';
import { commandFromWords } from '../../services/playback/command-words.js';
import { sendCommand } from './control-commands.js';
import type { LeanContext } from './lean-context.js';
import { JSON_OPTION, type LeanCommand, type LeanInput } from './lean-spec.js';

export const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export const QUEUE_COMMANDS: LeanCommand[] = [
  {
    name: 'queue',
    description: 'list the queue (the current song marked), or change it: add, remove, move, clear, play',
    options: [JSON_OPTION],
    async run(context) {
      const queue = await (await context.player()).queue();
      if (context.json) return context.printJson(presentQueue(queue));
      // Cell widths (string-width) only when a table is drawn: the other player commands never load them.
      const { renderQueue } = await import('./queue-table.js');
      context.print(renderQueue(queue, context.stdout.columns || Number(context.env['COLUMNS']) || 100));
    },
  },
  {
    name: 'queue add',
    args: '[song-ids...]',
    description: 'add songs to the end of the queue (or after the current song with --next)',
    options: [
      { flags: '--search <words>', description: 'the songs matching these words' },
      { flags: '--album <name>', description: 'the songs of this album' },
      { flags: '--artist <name>', description: 'the songs of this artist' },
      { flags: '--playlist <name>', description: 'one of your playlists' },
      { flags: '--liked', description: 'your liked songs' },
      { flags: '--next', description: 'play them next, after the current song' },
      JSON_OPTION,
    ],
    async run(context, input) {
      const next = input.options['next'] === true;
      const { count, state } = await (await context.player()).dispatch({ type: 'queue-add', selection: selectionOf(input), placement: next ? 'next' : 'end' });
      if (context.json) return context.printJson({ added: count ?? 0, queue_length: state.queue_length });
      context.print(`added ${plural(count ?? 0, 'song')} ${next ? 'to play next' : 'to the end of the queue'} (${plural(state.queue_length, 'song')} queued)`);
    },
  },
  {
    name: 'queue remove',
    args: '<positions...>',
    description: 'remove songs from the queue, by their positions in `tunes queue`',
    options: [JSON_OPTION],
    async run(context, { args }) {
      const { count } = await (await context.player()).dispatch(commandFromWords(['queue', 'remove', ...args]));
      if (context.json) return context.printJson({ removed: count ?? 0 });
      context.print(`removed ${plural(count ?? 0, 'song')}`);
    },
  },
  {
    name: 'queue move',
    args: '<from> <to>',
    description: 'move a song in the queue (positions as `tunes queue` shows them)',
    options: [JSON_OPTION],
    run: (context, { args }) => sendCommand(context, commandFromWords(['queue', 'move', ...args])),
  },
  {
    name: 'queue clear',
    description: 'empty the queue (and stop)',
    options: [JSON_OPTION],
    async run(context) {
      const player = await context.runningPlayer();
      const count = player ? ((await player.dispatch({ type: 'queue-clear' })).count ?? 0) : 0;
      if (context.json) return context.printJson({ removed: count });
      context.print(`cleared the queue (${plural(count, 'song')})`);
    },
  },
  {
    name: 'queue play',
    args: '<position>',
    description: 'play the song at this position of the queue',
    options: [JSON_OPTION],
    run: (context, { args }) => sendCommand(context, commandFromWords(['queue', 'play', ...args])),
  },
];

/** Song ids, or one of --search/--album/--artist/--playlist/--liked (artist and album may go together). */
export function selectionOf({ args, options }: LeanInput): SongSelection {
  const selection: SongSelection = {
    ...(typeof options['search'] === 'string' ? { words: options['search'] } : {}),
    ...(typeof options['album'] === 'string' ? { album: options['album'] } : {}),
    ...(typeof options['artist'] === 'string' ? { artist: options['artist'] } : {}),
    ...(typeof options['playlist'] === 'string' ? { playlist: options['playlist'] } : {}),
    ...(options['liked'] === true ? { liked: true } : {}),
  };
  const chosen = Object.keys(selection).length > 0;
  if (args.length > 0) {
    if (chosen) throw new TunesError('usage', 'give song ids or --search/--album/--artist/--playlist/--liked, not both');
    const ids = args.map((a) => (/^\d+$/.test(a) && Number(a) > 0 ? Number(a) : Number.NaN));
    const wrong = args.find((_, i) => Number.isNaN(ids[i]));
    if (wrong !== undefined) throw new TunesError('invalid_input', `song ids are whole numbers from 1 (got "${wrong}")`, 'find ids with `tunes songs`');
    return { song_ids: ids };
  }
  if (!chosen) throw new TunesError('usage', 'say which songs: ids, --search, --album, --artist, --playlist or --liked', 'run `tunes queue add --help` for usage');
  return selection;
}

function presentQueue(queue: PlayerQueue) {
  return {
    current_position: queue.current_index >= 0 ? queue.current_index + 1 : null,
    entries: queue.entries.map((entry, i) => ({
      position: i + 1,
      entry_id: entry.entry_id,
      current: i === queue.current_index,
      song: entry.song,
    })),
  };
}
