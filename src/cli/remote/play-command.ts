import type { PlayerCommand, RepeatMode, SongSelection } from '../../domain/player-command.js';
import type { PlayerEvent, PlayerSong } from '../../domain/player-state.js';
import { TunesError, errorCodeOf } from '../../errors.js';
import type { PlayerClient } from '../../remote/player-client.js';
import { lengthClock } from '../../text/clock-time.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import type { LeanContext } from './lean-context.js';
import type { LeanCommand } from './lean-spec.js';
import { presentState } from './present-state.js';
import { stateLine } from './state-text.js';

export const PLAY_COMMAND: LeanCommand = {
  name: 'play',
  args: '[words...]',
  description: 'play songs (search words, a playlist, your likes, or the whole library): they become the queue',
  options: [
    { flags: '--playlist <name>', description: 'play one of your playlists' },
    { flags: '--liked', description: 'play your liked songs' },
    { flags: '--artist <name>', description: 'only songs by this artist' },
    { flags: '--album <name>', description: 'only songs from this album' },
    { flags: '--shuffle', description: 'shuffle the queue' },
    { flags: '--repeat <mode>', description: 'repeat the queue or one song (default: off)', choices: ['off', 'all', 'one'] },
    { flags: '-b, --background', description: 'start the music and return at once (it plays on in the background player)' },
    { flags: '--json', description: 'when not on a terminal: one JSON object per line as each track starts' },
  ],
  async run(context, { args, options }) {
    const selection: SongSelection = {
      ...(args.length > 0 ? { words: args.join(' ') } : {}),
      ...(typeof options['playlist'] === 'string' ? { playlist: options['playlist'] } : {}),
      ...(options['liked'] === true ? { liked: true } : {}),
      ...(typeof options['artist'] === 'string' ? { artist: options['artist'] } : {}),
      ...(typeof options['album'] === 'string' ? { album: options['album'] } : {}),
    };
    // Like a new `tunes play` always did: in catalogue order unless --shuffle, repeat off unless --repeat.
    const command: PlayerCommand = { type: 'play', selection, shuffle: options['shuffle'] === true, repeat: (options['repeat'] as RepeatMode | undefined) ?? 'off' };
    const player = await context.player({ warm: true });
    const start = () => player.dispatch(command);

    if (options['background'] === true) {
      const { state } = await start();
      return context.json ? context.printJson(presentState(state)) : context.print(stateLine(state));
    }
    if (context.stdin.isTTY && context.stdout.isTTY && !context.json) return playOnTerminal(context, player, start);
    await playToPipe(context, player, start);
  },
};

/** The queue ran out without one song starting: every file was missing or unreadable. */
function nothingPlayable(): TunesError {
  return new TunesError('io', 'none of the selected songs could be played', 'if files moved, `tunes library scan` brings the catalogue up to date');
}

export function trackLine(song: PlayerSong, index: number, length: number): string {
  return `${index + 1}/${length} ${terminalSafe(`${song.artist} - ${song.title}`)} (${lengthClock(song.duration_ms)})`;
}

async function playOnTerminal(context: LeanContext, player: PlayerClient, start: () => ReturnType<PlayerClient['dispatch']>): Promise<void> {
  const { seekStep, volumeStep } = context.settings();
  const [{ keysFilePath }, { loadKeyTable }, { runPlayerOnTerminal }] = await Promise.all([
    import('../../config/player-paths.js'),
    import('../../services/keys/key-table.js'),
    import('../play/interactive-player.js'),
  ]);
  const { table, problem } = loadKeyTable(keysFilePath(context.env), { seekStep, volumeStep });
  const outcome = await runPlayerOnTerminal({ stdin: context.stdin, stdout: context.stdout, warning: problem }, player, table, start);
  if (outcome.unplayable && outcome.started === 0) throw nothingPlayable();
  if (outcome.detached && outcome.state?.song) {
    context.print(`${stateLine(outcome.state)}\nIt plays on in the background: \`tunes stop\` stops it, \`tunes\` shows it.`);
  }
}

/**
 * Not on a terminal: one line (or JSON object) per track as it starts; done when the queue ends.
 * Interrupted (Ctrl-C, SIGTERM, the reader of the output gone), it stops the music, as a
 * foreground player does.
 */
async function playToPipe(context: LeanContext, player: PlayerClient, start: () => ReturnType<PlayerClient['dispatch']>): Promise<void> {
  let started = 0;
  let settle: (outcome: 'ended' | 'stop' | Error) => void = () => undefined;
  const finished = new Promise<'ended' | 'stop' | Error>((resolve) => (settle = resolve));
  const onEvent = (event: PlayerEvent) => {
    if (event.type === 'track') {
      started += 1;
      const { song, index, length } = event;
      if (context.json) context.printJson({ event: 'track', position: index + 1, length, song });
      else context.print(trackLine(song, index, length));
    } else if (event.type === 'warning') {
      context.note(`tunes: warning: ${terminalSafe(event.message)}`);
    } else if (event.type === 'ended') {
      // Skipping through songs before they start is not a failure: only files that could not be played are.
      settle(event.unplayable && started === 0 ? nothingPlayable() : 'ended');
    } else if (event.type === 'error') {
      // Nobody is there to press a key that would restart mpv.
      settle(new TunesError(errorCodeOf(event.error.code), `${event.error.message}`));
    } else if (event.type === 'quit') settle('ended');
  };
  const stop = () => settle('stop');
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  for (const signal of signals) process.on(signal, stop);
  // The reader went away (`tunes play | head -1`): stop playing, quietly.
  const onOutputError = (error: NodeJS.ErrnoException) => error.code === 'EPIPE' && stop();
  context.stdout.on('error', onOutputError);
  const gone = player.onClose(() => settle(new TunesError('io', 'the player went away')));
  try {
    await player.subscribe(onEvent);
    await start();
    const outcome = await finished;
    if (outcome === 'stop') await player.dispatch({ type: 'stop' }).catch(() => undefined);
    if (outcome instanceof Error) throw outcome;
  } finally {
    for (const signal of signals) process.off(signal, stop);
    context.stdout.off('error', onOutputError);
    gone();
  }
}
